using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("MCP_GATEWAY_TOKEN")]
    [InlineData("client_secret")]
    [InlineData("X-Api-Key")]
    [InlineData("DB_PASSWORD")]
    [InlineData("AWS_CREDENTIALS_FILE")]
    [InlineData("X-Auth-Token")]
    [InlineData("SESSION_COOKIE")]
    [InlineData("MCP_CONNECTION_STRING")]
    [InlineData("ConnectionStrings:Main")]
    public void Names_that_suggest_a_secret(string name) => Assert.True(SecretMasker.IsSecretName(name));

    [Theory]
    [InlineData("MCP_ECHO_PORT")]
    [InlineData("X-User-Id")]
    [InlineData("X-User-Name")]
    [InlineData("MCP_SESSION_TIMEOUT")]
    public void Ordinary_names(string name) => Assert.False(SecretMasker.IsSecretName(name));

    [Theory]
    [InlineData("Server=db;Password=x")]
    [InlineData("postgres://app:s3cret@db:5432/main")]
    [InlineData("redis://:s3cret@cache:6379")]
    public void Values_that_carry_credentials(string value) => Assert.True(SecretMasker.LooksLikeCredential(value));

    [Theory]
    [InlineData("http://host:8080/path")]
    [InlineData("https://example.com/a@b")]
    [InlineData("eu-west")]
    public void Values_without_credentials(string value) => Assert.False(SecretMasker.LooksLikeCredential(value));

    [Fact]
    public void No_shortening_ever_returns_a_value_whole()
    {
        for (var length = 1; length <= 80; length++)
        {
            var value = string.Concat(Enumerable.Range(0, length).Select(i => (char)('0' + i % 10)));
            foreach (var shown in new[]
            {
                SecretMasker.Prefix(value, 7), SecretMasker.Ends(value, 6), SecretMasker.Secret(value, true),
                SecretMasker.Secret(value, false), SecretMasker.Authorization("Bearer " + value, 7), SecretMasker.Cookie("c=" + value),
            })
            {
                Assert.DoesNotContain(value, shown);
            }
        }
    }
}
