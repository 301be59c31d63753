namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>Binary payloads of the conformance fixtures: a 1x1 PNG and a silent WAV, base64.</summary>
public static class FixtureData
{
    public const string Png =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    public const string Wav = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";
}
