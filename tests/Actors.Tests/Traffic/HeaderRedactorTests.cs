using AkkaMcpEcho.Protocol.Traffic;

namespace AkkaMcpEcho.Actors.Tests.Traffic;

/// <summary>Headers recorded by a redactor that remembers each name's kind: the same values as the rules give, and a bound.</summary>
public sealed class HeaderRedactorTests
{
    [Theory]
    [InlineData("Authorization", "Bearer tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0")]
    [InlineData("authorization", "Basic dXNlcjpwYXNzd29yZA==")]
    [InlineData("Cookie", "sid=abcdef0123456789; theme=dark")]
    [InlineData("Set-Cookie", "sid=abcdef0123456789; Path=/; HttpOnly")]
    [InlineData("WWW-Authenticate", "Bearer resource_metadata=\"http://127.0.0.1/.well-known/oauth-protected-resource\"")]
    [InlineData("X-Api-Key", "k_0123456789abcdef")]
    [InlineData("X-Forwarded-For", "postgres://user:pw@db:5432/app")]
    [InlineData("X-Debug", "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    [InlineData("Accept", "application/json, text/event-stream")]
    [InlineData("Content-Type", "application/json; charset=utf-8")]
    public void A_remembered_name_records_what_the_rules_record(string name, string value)
    {
        var redactor = new HeaderRedactor(reveal: false);

        var first = redactor.Field(name, value);
        var second = redactor.Field(name, value);

        Assert.Equal(TrafficRedaction.Header(name, value), first.Value);
        Assert.Equal(first, second);
        Assert.Equal(1, redactor.Remembered);
    }

    [Fact]
    public void Each_spelling_of_a_name_is_remembered_as_the_same_kind()
    {
        var redactor = new HeaderRedactor(reveal: false);

        redactor.Field("Authorization", "Bearer abcdefghijklmnop");
        var upper = redactor.Field("AUTHORIZATION", "Bearer abcdefghijklmnop");

        Assert.DoesNotContain("abcdefghijklmnop", upper.Value, StringComparison.Ordinal);
        Assert.Equal(HeaderKind.Authorization, redactor.Kind("authorization"));
        Assert.Equal(3, redactor.Remembered);
    }

    [Fact]
    public void Revealing_records_every_value_whole()
    {
        var redactor = new HeaderRedactor(reveal: true);

        Assert.Equal("Bearer tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0", redactor.Field("Authorization", "Bearer tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0").Value);
    }

    [Fact]
    public void At_most_the_bound_of_names_is_remembered_and_past_it_names_are_still_redacted()
    {
        var redactor = new HeaderRedactor(reveal: false);
        for (var n = 0; n < HeaderRedactor.MaxRemembered; n++)
        {
            redactor.Field($"X-Name-{n}", "v");
        }
        Assert.Equal(HeaderRedactor.MaxRemembered, redactor.Remembered);

        var past = redactor.Field("X-Secret-Past-The-Bound", "s3cr3t-value-0123456789");

        Assert.Equal(HeaderRedactor.MaxRemembered, redactor.Remembered);
        Assert.DoesNotContain("s3cr3t-value-0123456789", past.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Racing_requests_never_remember_more_than_the_bound()
    {
        var redactor = new HeaderRedactor(reveal: false);

        Parallel.For(0, 4 * HeaderRedactor.MaxRemembered, n => redactor.Field($"X-Race-{n}", "v"));

        Assert.Equal(HeaderRedactor.MaxRemembered, redactor.Remembered);
    }
}
