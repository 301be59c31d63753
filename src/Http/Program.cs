using AkkaMcpEcho.Http;
using AkkaMcpEcho.Http.Configuration;

return await CommandLine.Run(args, Console.Out, Console.Error);
