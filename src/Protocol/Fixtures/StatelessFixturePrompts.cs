namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>The fixture prompts of the conformance suite's 2026-07-28 scenarios, which may ask for input before answering.</summary>
public static class StatelessFixturePrompts
{
    public static Func<StatelessCall, StatelessOutcome>? Find(string name) => null;
}
