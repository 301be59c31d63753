using System.Collections.Immutable;
using Akka.Actor;

namespace AkkaMcpEcho.Messages.Streams;

/// <summary>Which change notifications a 2026-07-28 <c>subscriptions/listen</c> stream asked for and was granted.</summary>
public sealed record ListenFilter(bool ToolsListChanged, bool PromptsListChanged, bool ResourcesListChanged, ImmutableArray<string> ResourceUris)
{
    public static readonly ListenFilter Nothing = new(false, false, false, []);
}

/// <summary>
/// Binds a listen stream to this node's hub: it first gets the acknowledgement, then every change its filter asks for,
/// each tagged with <paramref name="SubscriptionIdJson"/> (the listen request's id, raw JSON).
/// </summary>
public sealed record Listen(IActorRef Stream, string SubscriptionIdJson, ListenFilter Filter) : IEchoMessage;

/// <summary>
/// Something clients may have cached changed: <paramref name="List"/> is "tools", "prompts" or "resources" for a list,
/// or "resource" for one resource (<paramref name="Uri"/>). Every node's hub passes it to the streams that asked.
/// </summary>
public sealed record ListChanged(string List, string? Uri = null) : IEchoMessage;

/// <summary>To this node's hub: a change made through this node, for every hub (this one alone on a single node).</summary>
public sealed record AnnounceChange(ListChanged Change);
