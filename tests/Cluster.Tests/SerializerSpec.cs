using Akka.Actor;
using Akka.Configuration;
using AkkaMcpEcho.Actors.Serialization;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>A remoting actor system on 127.0.0.1 and the project's serializer in it, as each node has them.</summary>
public abstract class SerializerSpec : IAsyncLifetime
{
    protected ActorSystem System { get; } = ActorSystem.Create("akka-mcp-echo", ConfigurationFactory.ParseString("""
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.loglevel = WARNING
        """));

    protected EchoMessageSerializer Serializer => new((ExtendedActorSystem)System);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => System.Terminate();
}
