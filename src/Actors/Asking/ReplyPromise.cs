using Akka.Actor;

namespace AkkaMcpEcho.Actors.Asking;

/// <summary>
/// An ask's reply address: <see cref="Answer"/> completes with the first message told to it, as <paramref name="expect"/>
/// reads it (what that throws fails it; a <see cref="Status.Failure"/> fails it with its cause), unless its timeout or
/// the asker's cancellation (<see cref="Within"/>) came first. Reading the answer here spares the asker an async frame.
/// </summary>
public sealed class ReplyPromise<T>(IActorRefProvider provider, Func<object, T> expect) : TemporaryReply(provider)
{
    private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timeout;
    private TimeSpan _timeoutAfter;
    private CancellationTokenRegistration _cancellation;

    public Task<T> Answer => _answer.Task;

    /// <summary>
    /// <see cref="Answer"/>, failed with <see cref="AskTimeoutException"/> when none comes within <paramref name="timeout"/>
    /// and canceled when <paramref name="cancel"/> fires first. Call it before the ask is sent. The promise keeps the
    /// timer itself: <c>Answer.WaitAsync</c> would add a task, a completion continuation and an async frame per ask.
    /// </summary>
    public Task<T> Within(TimeSpan timeout, CancellationToken cancel)
    {
        _timeoutAfter = timeout;
        _timeout = TimeProvider.System.CreateTimer(static self => ((ReplyPromise<T>)self!).TimedOut(), this, timeout, Timeout.InfiniteTimeSpan);
        _cancellation = cancel.UnsafeRegister(static (self, token) => ((ReplyPromise<T>)self!).Canceled(token), this);
        return _answer.Task;
    }

    protected override void TellInternal(object message, IActorRef sender)
    {
        if (_answer.Task.IsCompleted)
        {
            return;
        }
        if (message is Status.Failure failure)
        {
            Finish(_answer.TrySetException(failure.Cause ?? new InvalidOperationException("The answer was a failure without a cause")));
            return;
        }
        T expected;
        try
        {
            expected = expect(message);
        }
        catch (Exception unexpected)
        {
            Finish(_answer.TrySetException(unexpected));
            return;
        }
        Finish(_answer.TrySetResult(expected));
    }

    private void TimedOut() =>
        Finish(_answer.TrySetException(new AskTimeoutException($"Timeout after {_timeoutAfter.TotalSeconds:F2} seconds")));

    private void Canceled(CancellationToken token) => Finish(_answer.TrySetCanceled(token));

    private void Finish(bool completed)
    {
        if (completed)
        {
            Close();
            _timeout?.Dispose();
            _cancellation.Unregister();
        }
    }
}
