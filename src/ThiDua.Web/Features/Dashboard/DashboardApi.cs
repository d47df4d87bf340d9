using Microsoft.AspNetCore.Http.HttpResults;

namespace ThiDua.Web.Features.Dashboard;

/// <summary>The leaders' dashboard as data (issue 12, item 5): the same figures as the page /lanh-dao.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/dashboard", Get).WithTags("Dashboard").RequireAuthorization(Policies.Leadership)
            .WithSummary("Registration and reporting rates of ?year= (default this year), assessment progress, DTI distribution and movers of the latest DTI year up to it, targets off track, nominations by status, overdue tasks and inspection recommendations.");
        return app;
    }

    private static async Task<Ok<DashboardDto>> Get(DashboardService service, int? year, CancellationToken ct) =>
        TypedResults.Ok(await service.BuildAsync(year, ct));
}
