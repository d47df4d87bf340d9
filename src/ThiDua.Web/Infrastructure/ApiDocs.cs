using Scalar.AspNetCore;

namespace ThiDua.Web.Infrastructure;

/// <summary>
/// The OpenAPI document and the interactive API page: on in Development, elsewhere only when
/// <c>ApiDocs:Enabled</c> is true (docs/operations.md), so a production server does not describe its attack surface.
/// </summary>
public static class ApiDocs
{
    public const string Setting = "ApiDocs:Enabled";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() || (bool.TryParse(configuration[Setting], out var enabled) && enabled);

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration, app.Environment))
        {
            return app;
        }
        app.MapOpenApi().RequireAuthorization(Policies.Public);
        // Scalar's script is served from the package; nothing may come from its CDN (fonts) or go to its services.
        app.MapScalarApiReference("/api-docs", options => options
                .WithTitle("ThiDua API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .WithNonce())
            .RequireAuthorization(Policies.Public);
        return app;
    }
}
