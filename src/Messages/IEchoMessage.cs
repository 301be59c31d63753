namespace AkkaMcpEcho.Messages;

/// <summary>Marks every message of the protocol: the ones that may cross node boundaries and need the project's serializer.</summary>
public interface IEchoMessage;
