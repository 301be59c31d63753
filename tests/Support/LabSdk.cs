using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>
/// The official SDK client with its OAuth support against a lab server: it registers itself (RFC 7591) and runs the
/// authorization code flow with PKCE; the "browser" is an HTTP client that follows the authorization URL to the
/// redirect (the lab's consent is automatic) and hands the code back.
/// </summary>
public static class LabSdk
{
    /// <summary>Never called: the authorization response is read from the lab's redirect.</summary>
    public static readonly Uri RedirectUri = new("http://127.0.0.1:9/callback");

    /// <param name="authorizations">Each authorization URL the client was sent to.</param>
    public static ClientOAuthOptions OAuth(List<Uri> authorizations) => new()
    {
        RedirectUri = RedirectUri,
        DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = "sdk lab test" },
        AuthorizationCallbackHandler = async (context, cancel) =>
        {
            authorizations.Add(context.AuthorizationUri);
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
            using var response = await browser.GetAsync(context.AuthorizationUri, cancel);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancel)}");
            var location = response.Headers.Location!;
            Assert.StartsWith(RedirectUri.AbsoluteUri, location.AbsoluteUri);
            var query = QueryHelpers.ParseQuery(location.Query);
            return new AuthorizationResult { Code = query["code"], State = query["state"], Iss = query["iss"] };
        },
    };

    public static Task<McpClient> Connect(RawMcpClient server, string? protocolVersion, ClientOAuthOptions oauth)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.McpEndpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            ConnectionTimeout = TimeSpan.FromSeconds(30),
            OAuth = oauth,
        });
        return McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "sdk-oauth-test", Version = "1.0" },
            ProtocolVersion = protocolVersion,
            InitializationTimeout = TimeSpan.FromSeconds(30),
        });
    }
}
