using Akka.Actor;
using AkkaMcpEcho.Actors.Asking;

namespace AkkaMcpEcho.Actors.Tests.Asking;

/// <summary>The ask's reply address: one answer, failures as exceptions, and a path only when one is asked for.</summary>
public sealed class ReplyPromiseSpecs : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private IActorRefProvider Provider => ((ExtendedActorSystem)Sys).Provider;

    private ReplyPromise<object> Promise() => new(Provider, answer => answer);

    [Fact]
    public async Task The_first_answer_completes_it_and_later_ones_are_dropped()
    {
        var promise = Promise();
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));

        echo.Tell("first", promise);
        Assert.Equal("first", await promise.Answer.WaitAsync(Patience));
        echo.Tell("second", promise);
        await Task.Delay(TimeSpan.FromMilliseconds(100)); // time for the echo to answer again

        Assert.Equal("first", await promise.Answer);
    }

    [Fact]
    public async Task A_failure_answer_fails_it_with_its_cause()
    {
        var promise = Promise();

        promise.Tell(new Status.Failure(new AskTimeoutException("no shard answered")), ActorRefs.NoSender);

        var thrown = await Assert.ThrowsAsync<AskTimeoutException>(() => promise.Answer.WaitAsync(Patience));
        Assert.Equal("no shard answered", thrown.Message);
    }

    [Fact]
    public async Task Its_path_resolves_to_it_until_it_is_answered()
    {
        var promise = Promise();
        var path = promise.Path;

        Assert.Same(promise, Provider.ResolveActorRef(path));
        Provider.ResolveActorRef(path).Tell("by path", ActorRefs.NoSender);

        Assert.Equal("by path", await promise.Answer.WaitAsync(Patience));
        Assert.NotSame(promise, Provider.ResolveActorRef(path));
    }

    [Fact]
    public async Task A_canceled_promise_takes_no_answer_and_leaves_its_path()
    {
        var promise = Promise();
        var path = promise.Path;

        _ = promise.Within(Patience, new CancellationToken(canceled: true));
        promise.Tell("too late", ActorRefs.NoSender);

        await Assert.ThrowsAsync<TaskCanceledException>(() => promise.Answer.WaitAsync(Patience));
        Assert.NotSame(promise, Provider.ResolveActorRef(path));
    }

    [Fact]
    public async Task Within_its_timeout_an_answer_completes_it_and_the_timer_never_fires()
    {
        var promise = Promise();
        var answer = promise.Within(TimeSpan.FromMilliseconds(200), CancellationToken.None);

        promise.Tell("in time", ActorRefs.NoSender);
        await Task.Delay(TimeSpan.FromMilliseconds(400));

        Assert.Equal("in time", await answer);
    }

    [Fact]
    public async Task Without_an_answer_in_time_it_fails_with_an_ask_timeout_and_leaves_its_path()
    {
        var promise = Promise();
        var answer = promise.Within(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        var path = promise.Path;

        await Assert.ThrowsAsync<AskTimeoutException>(() => answer.WaitAsync(Patience));
        promise.Tell("too late", ActorRefs.NoSender);

        Assert.True(answer.IsFaulted);
        Assert.NotSame(promise, Provider.ResolveActorRef(path));
    }

    [Fact]
    public async Task The_askers_cancellation_cancels_it_before_the_timeout()
    {
        var promise = Promise();
        using var cancel = new CancellationTokenSource();
        var answer = promise.Within(Patience, cancel.Token);

        await cancel.CancelAsync();

        var thrown = await Assert.ThrowsAsync<TaskCanceledException>(() => answer.WaitAsync(Patience));
        Assert.Equal(cancel.Token, thrown.CancellationToken);
        promise.Tell("too late", ActorRefs.NoSender);
        Assert.True(answer.IsCanceled);
    }

    [Fact]
    public async Task An_already_canceled_asker_gets_a_canceled_answer_at_once()
    {
        var promise = Promise();

        var answer = promise.Within(Patience, new CancellationToken(canceled: true));

        Assert.True(answer.IsCanceled);
        await Assert.ThrowsAsync<TaskCanceledException>(() => answer);
    }

    [Fact]
    public async Task The_answer_is_read_as_the_asker_expects_and_what_the_reading_throws_fails_it()
    {
        var typed = new ReplyPromise<int>(Provider, answer => answer is string text ? text.Length : throw new InvalidOperationException("not text"));
        var failing = new ReplyPromise<int>(Provider, answer => answer is string text ? text.Length : throw new InvalidOperationException("not text"));
        var path = failing.Path;

        typed.Tell("four", ActorRefs.NoSender);
        failing.Tell(4, ActorRefs.NoSender);

        Assert.Equal(4, await typed.Answer.WaitAsync(Patience));
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Answer.WaitAsync(Patience));
        Assert.Equal("not text", thrown.Message);
        Assert.NotSame(failing, Provider.ResolveActorRef(path));
    }

    [Fact]
    public void Without_a_path_asked_for_nothing_is_registered()
    {
        var promise = Promise();
        promise.Tell("answer", ActorRefs.NoSender);

        // Asked only now, after the answer: a path that resolves to nothing of it.
        Assert.NotSame(promise, Provider.ResolveActorRef(promise.Path));
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(message => Sender.Tell(message));
    }
}
