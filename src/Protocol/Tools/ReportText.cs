using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>Small formatting helpers the diagnostic reports share.</summary>
public static class ReportText
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>JSON with two-space indentation, non-ASCII text left readable.</summary>
    public static string Json(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            element.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Megabytes(long bytes) =>
        (bytes / (1024d * 1024d)).ToString("0", CultureInfo.InvariantCulture) + "MB";

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static string YesNo(bool value, string yes, string no) => value ? $"✅ {yes}" : $"❌ {no}";

    /// <summary>A value from a request or an argument, on one line: control characters become spaces.</summary>
    public static string OneLine(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(char.IsControl(c) ? ' ' : c);
        }
        return text.ToString();
    }
}
