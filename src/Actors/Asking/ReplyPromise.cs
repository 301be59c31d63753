using Akka.Actor;

namespace AkkaMcpEcho.Actors.Asking;

/// <summary>
/// An ask's reply address: <see cref="Answer"/> completes with the first message told to it (a <see cref="Status.Failure"/>
/// fails it with its cause); <see cref="Abandon"/> when the asker stops waiting.
/// </summary>
public sealed class ReplyPromise(IActorRefProvider provider) : TemporaryReply(provider)
{
    private readonly TaskCompletionSource<object> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<object> Answer => _answer.Task;

    /// <summary>The asker gave up (timeout, cancellation): a late answer is dropped.</summary>
    public void Abandon()
    {
        if (_answer.TrySetCanceled())
        {
            Close();
        }
    }

    protected override void TellInternal(object message, IActorRef sender)
    {
        var answered = message is Status.Failure failure
            ? _answer.TrySetException(failure.Cause ?? new InvalidOperationException("The answer was a failure without a cause"))
            : _answer.TrySetResult(message);
        if (answered)
        {
            Close();
        }
    }
}
