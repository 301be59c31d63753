using AkkaMcpEcho.Http;

await EchoServer.Build(args).RunAsync();
