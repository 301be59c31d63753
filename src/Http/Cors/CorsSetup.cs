using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Protocol.Tools;
using Microsoft.Net.Http.Headers;

namespace AkkaMcpEcho.Http.Cors;

/// <summary>
/// The server's CORS: ASP.NET Core's middleware with one default policy built from <see cref="CorsPolicyFacts"/>.
/// The middleware answers every preflight itself (204, with grants only for allowed origins); an OPTIONS that is not
/// a preflight gets 204 with an Allow header.
/// </summary>
public static class CorsSetup
{
    public static IServiceCollection AddEchoCors(this IServiceCollection services, CorsPolicyFacts policy) =>
        services.AddCors(options => options.AddDefaultPolicy(builder =>
        {
            if (policy.AnyOrigin)
            {
                builder.AllowAnyOrigin();
            }
            else
            {
                builder.WithOrigins([.. policy.AllowedOrigins]);
                if (policy.AllowCredentials)
                {
                    builder.AllowCredentials();
                }
            }
            builder.WithMethods([.. CorsPolicyFacts.Methods])
                .WithHeaders([.. CorsPolicyFacts.Headers])
                .WithExposedHeaders([.. CorsPolicyFacts.ExposedHeaders])
                .SetPreflightMaxAge(TimeSpan.FromSeconds(policy.MaxAgeSeconds));
        }));

    public static WebApplication UseEchoCors(this WebApplication app)
    {
        // The middleware leaves a request without an Origin header alone, but only after marking it in HttpContext.Items and
        // resolving its policy provider from a new request scope: about 0.3 KB per request, so only requests that carry
        // an Origin go through it.
        app.UseWhen(context => context.Request.Headers.ContainsKey(HeaderNames.Origin), branch => branch.UseCors());
        app.MapMethods(McpEndpoints.Path, ["OPTIONS"], (HttpContext context) =>
        {
            context.Response.Headers.Allow = string.Join(", ", CorsPolicyFacts.Methods);
            return TypedResults.NoContent();
        });
        return app;
    }
}
