using System.Collections.Immutable;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>
/// The fixture tools of the conformance suite's 2026-07-28 scenarios (capabilities, per-request logging, list-change
/// triggers, input_required results), offered to that revision only.
/// </summary>
public static class StatelessFixtureTools
{
    public static readonly ImmutableArray<FixtureTool> All = [];
}
