using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AkkaMcpEcho.Http.Health;

internal sealed record SessionCounts(
    [property: JsonPropertyName("active")] int Active,
    [property: JsonPropertyName("total_created")] long TotalCreated,
    [property: JsonPropertyName("expired")] long Expired,
    [property: JsonPropertyName("ended")] long Ended,
    [property: JsonPropertyName("rejected")] long Rejected,
    [property: JsonPropertyName("max")] int Max);

internal sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("sessions")] SessionCounts Sessions,
    [property: JsonPropertyName("uptime_seconds")] long UptimeSeconds,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("cluster")] ClusterHealth? Cluster = null,
    [property: JsonPropertyName("store")] StoreReport? Store = null);

/// <summary>The durable session store (absent with memory): its kind, and whether the last probe a second ago reached it.</summary>
internal sealed record StoreReport(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("available")] bool Available,
    [property: JsonPropertyName("error")] string? Error);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class HealthJson : JsonSerializerContext
{
    public static HealthJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
