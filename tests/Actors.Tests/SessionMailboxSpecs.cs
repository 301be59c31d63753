using Akka.Actor;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Tests;

/// <summary>Sessions on the compact mailbox, configured as the server configures it.</summary>
public sealed class SessionMailboxSpecs() : SessionSpec($$"""
    {{SessionMailbox.Id}} { mailbox-type = "{{typeof(SessionMailbox).AssemblyQualifiedName}}" }
    """)
{
    [Fact]
    public void Session_props_take_the_configured_mailbox()
    {
        var props = SessionMailbox.For(Sys, SessionActor.Props("s", ServerProfile.Default, TestActor));

        Assert.Equal(SessionMailbox.Id, props.Mailbox);
        Assert.IsType<SessionMailbox>(Sys.Mailboxes.Lookup(SessionMailbox.Id));
    }

    [Fact]
    public void Sessions_on_it_keep_state_across_a_burst_of_messages_and_end()
    {
        var registry = NewRegistry();
        var sessionId = StartSession(registry);

        for (var i = 1; i <= 200; i++)
        {
            registry.Tell(new CallTool(sessionId, "echo", System.Text.Json.JsonElement.Parse($$"""{"message":"m{{i}}"}"""),
                TestRequests.Facts()));
        }
        var replies = ReceiveN(200, Patience).Cast<SessionAnswer<ToolCallReply>>().Select(a => a.Reply!).ToList();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"m{i}\nSession: {sessionId}\nEcho count in session: {i}"),
            replies.Select(r => r.Text));

        registry.Tell(new EndSession(sessionId));
        ExpectAnswer<SessionEnded>();
    }

    [Fact]
    public void The_queue_is_first_in_first_out_and_hands_leftovers_to_dead_letters()
    {
        var queue = new SessionMailbox.CompactQueue();
        var leftovers = new SessionMailbox.CompactQueue();
        Assert.False(queue.HasMessages);

        queue.Enqueue(TestActor, new Envelope("a", TestActor));
        queue.Enqueue(TestActor, new Envelope("b", TestActor));
        queue.Enqueue(TestActor, new Envelope("c", TestActor));
        Assert.True(queue.TryDequeue(out var first));
        queue.CleanUp(TestActor, leftovers);

        Assert.Equal("a", first.Message);
        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
        Assert.Equal(2, leftovers.Count);
        Assert.True(leftovers.TryDequeue(out var second));
        Assert.Equal("b", second.Message);
    }
}
