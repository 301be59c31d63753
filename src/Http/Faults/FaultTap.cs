using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Http.Faults;

/// <summary>
/// The faults that act on an answer's frames: slow-stream (each frame waits), drop-stream-after (frames after the k-th
/// are not written, so the answer ends without them), malformed=json|sse (each frame's message is broken). A request
/// without a fault passes untouched. Registered before the traffic recorder, which so records what was written.
/// </summary>
internal sealed class FaultTap(EchoSettings settings) : McpTap
{
    public override bool Enabled => settings.Faults;

    public override ValueTask<TapFrame?> OnFrame(McpExchange exchange, TapFrame frame) =>
        exchange.Fault is { } state ? Apply(exchange.Http, state, frame) : ValueTask.FromResult<TapFrame?>(frame);

    private static async ValueTask<TapFrame?> Apply(HttpContext context, FaultState state, TapFrame frame)
    {
        var action = state.Action;
        if (frame.Kind == FrameKind.KeepAlive)
        {
            return action.Effect == FaultEffect.DropStreamAfter && state.Frames > action.Value ? null : frame;
        }
        state.Frames++;
        var isEvent = frame.Kind == FrameKind.Event;
        switch (action.Effect)
        {
            case FaultEffect.SlowStream:
                if (context.Response.HasStarted)
                {
                    // Written frames go out now, so the client sees each one after its own gap.
                    await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
                }
                await FaultPause.AtLeast(action.Value, context.RequestAborted);
                return frame;
            case FaultEffect.DropStreamAfter:
                return state.Frames > action.Value ? null : frame;
            case FaultEffect.Malformed when action.Variant == "json":
                return frame with { Bytes = FaultWire.CutJson(frame.Bytes, isEvent) };
            case FaultEffect.Malformed when action.Variant == "sse":
                return frame with { Bytes = FaultWire.BreakEvent(frame.Bytes, isEvent) };
            default:
                return frame;
        }
    }
}
