using AkkaMcpEcho.Protocol.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>Wires MCP_AUTH_MODE: with none, nothing of it runs; with jwt or lab, the gate, the metadata, and the lab.</summary>
internal static class AuthSetup
{
    public static IServiceCollection AddEchoAuth(this IServiceCollection services, AuthSettings settings)
    {
        services.AddSingleton(settings).AddSingleton<ResourceUris>().AddSingleton<ScopeGate>();
        if (!settings.Enabled)
        {
            return services;
        }
        var lab = settings.Mode == AuthMode.Lab ? new LabKeys(settings.LabKey) : null;
        services.AddSingleton<BearerGate>().AddSingleton<LabFaultPoints>().AddSingleton<SignatureCheck>().AddAuthentication()
            .AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, options => JwtSetup.Configure(options, settings, lab));
        if (lab is not null)
        {
            LabServer.Add(services, settings, lab);
        }
        return services;
    }

    /// <summary>The gate in front of /mcp; the lab's endpoints run through ASP.NET Core's authentication middleware.</summary>
    public static void UseEchoAuth(this WebApplication app, AuthSettings settings)
    {
        if (!settings.Enabled)
        {
            return;
        }
        if (settings.Mode == AuthMode.Lab)
        {
            app.UseAuthentication();
        }
        var gate = app.Services.GetRequiredService<BearerGate>();
        app.Use(gate.Invoke);
    }

    public static void MapEchoAuth(this WebApplication app, AuthSettings settings)
    {
        if (!settings.Enabled)
        {
            return;
        }
        app.MapGet(ResourceMetadata.WellKnownPath, Metadata);
        app.MapGet(ResourceMetadata.WellKnownPath + "/{**resource}", Metadata);
        if (settings.Mode == AuthMode.Lab)
        {
            LabEndpoints.Map(app);
        }
    }

    private static IResult Metadata(HttpContext context, ResourceUris uris, AuthSettings settings) =>
        Results.Bytes(ResourceMetadata.Document(uris.Resource(context.Request), uris.AuthorizationServer(context.Request), settings.Scopes.All),
            "application/json");
}
