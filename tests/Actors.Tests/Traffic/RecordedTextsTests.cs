using System.Runtime.InteropServices;
using System.Text;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol.Traffic;

namespace AkkaMcpEcho.Actors.Tests.Traffic;

/// <summary>Bodies and events as the recording keeps them: their start up to the byte cap, cut only between characters.</summary>
public sealed class RecordedTextsTests
{
    private static RecordedText Of(string text, int cap, bool reveal = false) => RecordedTexts.Of(Encoding.UTF8.GetBytes(text), cap, reveal);

    [Fact]
    public void A_text_exactly_at_the_cap_is_kept_whole()
    {
        Assert.Equal(new RecordedText("0123456789", 10, false), Of("0123456789", cap: 10));
    }

    [Fact]
    public void A_text_one_byte_past_the_cap_is_cut_at_the_cap_and_keeps_its_length()
    {
        Assert.Equal(new RecordedText("0123456789", 11, true), Of("0123456789A", cap: 10));
    }

    [Fact]
    public void A_text_below_the_cap_is_kept_whole()
    {
        Assert.Equal(new RecordedText("héllo", 6, false), Of("héllo", cap: 1000));
    }

    [Theory]
    [InlineData("abc€def", 4, "abc")]
    [InlineData("abc€def", 5, "abc")]
    [InlineData("abc€def", 6, "abc€")]
    [InlineData("ab😀cd", 3, "ab")]
    [InlineData("ab😀cd", 5, "ab")]
    [InlineData("ab😀cd", 6, "ab😀")]
    [InlineData("é", 1, "")]
    public void A_cut_inside_a_character_backs_off_to_its_start(string text, int cap, string kept)
    {
        var recorded = Of(text, cap);

        Assert.Equal(kept, recorded.Text);
        Assert.DoesNotContain('\uFFFD', recorded.Text);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), recorded.Bytes);
        Assert.True(recorded.Truncated);
    }

    [Fact]
    public void A_cut_just_before_a_character_keeps_everything_before_it()
    {
        var recorded = Of("abc€def", cap: 3);

        Assert.Equal(new RecordedText("abc", 9, true), recorded);
    }

    [Fact]
    public void A_multi_byte_character_ending_exactly_at_the_cap_is_kept()
    {
        Assert.Equal(new RecordedText("abc€", 6, false), Of("abc€", cap: 6));
    }

    [Fact]
    public void A_cap_of_zero_keeps_no_text_but_the_length()
    {
        Assert.Equal(new RecordedText("", 5, true), Of("hello", cap: 0));
    }

    [Fact]
    public void An_empty_text_is_not_truncated_even_at_a_cap_of_zero()
    {
        Assert.Equal(new RecordedText("", 0, false), Of("", cap: 0));
    }

    [Fact]
    public void The_kept_text_is_redacted()
    {
        const string Token = "tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0";

        var recorded = Of($"Authorization: Bearer {Token}", cap: 1000);

        Assert.DoesNotContain(Token, recorded.Text, StringComparison.Ordinal);
        Assert.StartsWith("Authorization: Bearer tok_", recorded.Text, StringComparison.Ordinal);
        Assert.Equal(22 + Token.Length, recorded.Bytes);
        Assert.False(recorded.Truncated);
    }

    [Fact]
    public void Revealing_keeps_the_kept_text_whole()
    {
        const string Body = "Bearer tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0";

        Assert.Equal(new RecordedText(Body, Body.Length, false), Of(Body, cap: 1000, reveal: true));
    }

    [Theory]
    [InlineData("{\"text\":\"hello world\"}", false)]
    [InlineData("a bearer", false)]
    [InlineData("bearer", false)]
    [InlineData("Bearer abc", true)]
    [InlineData("x BEARER y", true)]
    [InlineData("x bEaReR y", true)]
    [InlineData("Authorization: Bearer\tabc", false)]
    [InlineData("eyJ", true)]
    [InlineData("...eyJhbGciOiJIUzI1NiJ9", true)]
    [InlineData("ey J", false)]
    [InlineData("", false)]
    public void The_byte_test_for_a_credential_agrees_with_the_text_test(string text, bool may)
    {
        Assert.Equal(may, TrafficRedaction.MayHoldCredential(Encoding.UTF8.GetBytes(text)));
        // Whatever the text test would shorten, the byte test lets through to it.
        Assert.True(may || TrafficRedaction.Body(text, reveal: false) == text);
    }

    [Fact]
    public void A_body_without_a_credential_is_kept_as_the_bytes_it_was()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"params\":{\"message\":\"héllo wörld\"}}");

        var recorded = RecordedTexts.Of(bytes, cap: 1000, reveal: false);

        Assert.Equal(bytes, recorded.Utf8.ToArray());
        Assert.Equal(bytes.Length, recorded.Bytes);
    }

    [Fact]
    public void A_whole_body_is_kept_as_its_own_array_and_a_cut_or_redacted_one_as_a_new_one()
    {
        var whole = Encoding.UTF8.GetBytes("{\"message\":\"hello\"}");
        var secret = Encoding.UTF8.GetBytes("{\"note\":\"Bearer abcdef0123456789\"}");

        Assert.True(MemoryMarshal.TryGetArray(RecordedTexts.Of(whole, cap: 1000, reveal: false).Utf8, out var kept));
        Assert.Same(whole, kept.Array);
        var cut = RecordedTexts.Of(whole, cap: 5, reveal: false);
        Assert.Equal("{\"mes", cut.Text);
        Assert.True(MemoryMarshal.TryGetArray(cut.Utf8, out var copied) && copied.Array != whole);
        var redacted = RecordedTexts.Of(secret, cap: 1000, reveal: false);
        Assert.DoesNotContain("abcdef0123456789", redacted.Text);
        Assert.Equal("{\"note\":\"Bearer abcdef0123456789\"}", Encoding.UTF8.GetString(secret));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_kept_as_text_with_replacement_characters()
    {
        byte[] bytes = [(byte)'{', 0xFF, (byte)'a', 0xC3, (byte)'}'];

        var recorded = RecordedTexts.Of(bytes, cap: 1000, reveal: false);

        Assert.True(System.Text.Unicode.Utf8.IsValid(recorded.Utf8.Span));
        Assert.Equal("{\uFFFDa\uFFFD}", recorded.Text);
        Assert.Equal(5, recorded.Bytes);
    }
}
