using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Http.Auth;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Security;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Http.Faults;

/// <summary>
/// The admin API of global fault rules, over all traffic: <c>GET /faults</c> lists them, <c>POST /faults</c> adds one
/// (<c>{"fault": "status=503; retry-after=2", "method", "tool", "count", "probability"}</c>), <c>DELETE /faults/ID</c> removes
/// one and <c>DELETE /faults</c> all. Behind <see cref="AdminAccess"/>, as the traffic page.
/// </summary>
internal static class FaultEndpoints
{
    public const string Path = "/faults";

    public static IApplicationBuilder UseFaultsAccess(this IApplicationBuilder app) =>
        AdminAccess.Use(app, Path, "faults", "The /faults API", "changes what every client gets");

    public static void MapFaults(this IEndpointRouteBuilder app, EchoSettings settings)
    {
        if (!settings.Faults)
        {
            return;
        }
        var faults = app.MapGroup(Path);
        faults.MapGet("", (HttpContext http, IRequiredActor<GlobalFaultsKey> keeper) => Answer(http, keeper, GetFaultRules.Instance));
        faults.MapPost("", (HttpContext http, IRequiredActor<GlobalFaultsKey> keeper, AuthSettings auth) => Add(http, keeper, auth));
        faults.MapDelete("", (HttpContext http, IRequiredActor<GlobalFaultsKey> keeper) => Answer(http, keeper, new RemoveFaultRules(null)));
        faults.MapDelete("/{id}", (HttpContext http, IRequiredActor<GlobalFaultsKey> keeper, string id) =>
            Answer(http, keeper, new RemoveFaultRules(id)));
    }

    private static async Task Add(HttpContext http, IRequiredActor<GlobalFaultsKey> keeper, AuthSettings auth)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            await AdminJson.Problem(http, StatusCodes.Status400BadRequest, $"the body must be a JSON object: {e.Message}");
            return;
        }
        var (rule, problem) = body.ValueKind != JsonValueKind.Object
            ? (null, "the body must be a JSON object such as {\"fault\": \"status=503; retry-after=2\"}")
            : Read(body);
        if (rule is null)
        {
            await AdminJson.Problem(http, StatusCodes.Status400BadRequest, problem!);
            return;
        }
        if (LabProblem(rule.Action.Effect, auth.Mode) is { } unavailable)
        {
            await AdminJson.Problem(http, StatusCodes.Status409Conflict, unavailable);
            return;
        }
        await Answer(http, keeper, new AddFaultRule(rule));
    }

    /// <summary>The rule the body asks for, or the problem, naming the member at fault.</summary>
    private static (FaultRule? Rule, string? Problem) Read(JsonElement body)
    {
        string[] known = ["fault", "method", "tool", "count", "probability"];
        foreach (var member in body.EnumerateObject().Where(member => !known.Contains(member.Name)))
        {
            return (null, $"unknown member '{member.Name}'; a rule has {string.Join(", ", known)}");
        }
        var (fault, faultProblem) = Text(body, "fault");
        var (method, methodProblem) = Text(body, "method");
        var (tool, toolProblem) = Text(body, "tool");
        var (count, countProblem) = Number(body, "count");
        var (probability, probabilityProblem) = Number(body, "probability");
        return (faultProblem ?? methodProblem ?? toolProblem ?? countProblem ?? probabilityProblem) is { } problem
            ? (null, problem)
            : FaultRules.Make("new", fault, count, probability, method, tool, defaultCount: null);
    }

    /// <summary>Why a lab fault cannot act on this server: there is no token check, or no built-in authorization server.</summary>
    private static string? LabProblem(FaultEffect effect, AuthMode mode) =>
        LabFaults.NeedsLab(effect) && mode != AuthMode.Lab
            ? $"{FaultVocabulary.Name(effect)} acts on the built-in authorization server, which runs with MCP_AUTH_MODE=lab only (this server: {AuthModes.Show(mode)})"
        : LabFaults.Is(effect) && mode == AuthMode.None
            ? $"{FaultVocabulary.Name(effect)} acts on the resource server's token check, which runs with MCP_AUTH_MODE=jwt or lab only (this server: none)"
        : null;

    private static (string?, string?) Text(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? (null, null)
        : value.ValueKind == JsonValueKind.String ? (value.GetString(), null)
        : (null, $"{name}: expected a string, got {value.ValueKind.ToString().ToLowerInvariant()}");

    private static (long?, string?) Number(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? (null, null)
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? (number, null)
        : (null, $"{name}: expected a whole number, got {value.GetRawText()}");

    private static async Task Answer(HttpContext http, IRequiredActor<GlobalFaultsKey> keeper, object command)
    {
        var list = await (await keeper.GetAsync(http.RequestAborted)).Ask<FaultRuleList>(command, TimeSpan.FromSeconds(5), http.RequestAborted);
        if (list.Refusal is { } refusal)
        {
            await AdminJson.Problem(http, command is RemoveFaultRules ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, refusal);
            return;
        }
        http.Response.StatusCode = list.Added is null ? StatusCodes.Status200OK : StatusCodes.Status201Created;
        await AdminJson.Write(http, json =>
        {
            json.WriteStartObject();
            if (list.Added is { } added)
            {
                json.WritePropertyName("added");
                Rule(json, added);
            }
            json.WriteStartArray("rules");
            foreach (var rule in list.Rules)
            {
                Rule(json, rule);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Rule(Utf8JsonWriter json, FaultRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("fault", FaultText.Of(rule.Action));
        json.WriteString("method", rule.Method);
        json.WriteString("tool", rule.Tool);
        if (rule.Remaining is { } remaining)
        {
            json.WriteNumber("remaining", remaining);
        }
        else
        {
            json.WriteNull("remaining");
        }
        json.WriteNumber("probability", rule.Probability);
        if (rule.ArmedUtcTicks is { } armed)
        {
            json.WriteString("armed", Traffic.TrafficJson.Time(armed));
        }
        json.WriteEndObject();
    }
}
