using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ThiDua.Core.Errors;
using ThiDua.Core.Units;
using ThiDua.Data;
using ThiDua.Web.Features.Assessment;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.Web.Features.Public;

/// <summary>Open data without login (R16): only what the Secretariat published.</summary>
public static class OpenDataApi
{
    public sealed record PublishedFramework(string Code, string Name, int Year, string UnitType, DateTime PublishedAt, string Results, string Csv);

    public static IEndpointRouteBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/open/v1").WithTags("Open data").RequireAuthorization(Policies.Public);
        open.MapGet("/frameworks", Frameworks).WithSummary("Frameworks whose results are published, with links to their data.");
        open.MapGet("/results", Results).WithSummary("The published ranking of a framework (JSON).");
        open.MapGet("/results.csv", ResultsCsv).WithSummary("The published ranking of a framework (CSV, UTF-8).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PublishedFramework>>> Frameworks(ThiDuaDbContext db, CancellationToken ct)
    {
        var published = await db.ResultPublications.AsNoTracking()
            .GroupBy(p => p.FrameworkId)
            .Select(g => new { FrameworkId = g.Key, PublishedAt = g.Max(p => p.PublishedAt) })
            .Join(db.Frameworks, p => p.FrameworkId, f => f.Id, (p, f) => new { f.Code, f.Name, f.Year, f.UnitType, p.PublishedAt })
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<PublishedFramework>>(published
            .OrderByDescending(p => p.Year).ThenBy(p => p.Code)
            .Select(p => new PublishedFramework(p.Code, p.Name, p.Year, p.UnitType.Code(), p.PublishedAt,
                $"/api/open/v1/results?frameworkCode={Uri.EscapeDataString(p.Code)}", $"/api/open/v1/results.csv?frameworkCode={Uri.EscapeDataString(p.Code)}"))
            .ToList());
    }

    private static async Task<Ok<ResultsDto>> Results(FrameworkService frameworks, ResultsService results, string? frameworkCode, CancellationToken ct) =>
        TypedResults.Ok(await PublishedAsync(frameworks, results, frameworkCode, ct));

    private static async Task<FileContentHttpResult> ResultsCsv(FrameworkService frameworks, ResultsService results, string? frameworkCode, CancellationToken ct)
    {
        var published = await PublishedAsync(frameworks, results, frameworkCode, ct);
        return TypedResults.File(ResultsExport.Csv(published), "text/csv; charset=utf-8", $"ket-qua-{published.FrameworkCode}.csv");
    }

    private static async Task<ResultsDto> PublishedAsync(FrameworkService frameworks, ResultsService results, string? frameworkCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(frameworkCode))
        {
            throw DomainException.ForField("frameworkCode", "Cần frameworkCode; danh sách ở /api/open/v1/frameworks.");
        }
        var framework = await frameworks.FindAsync(frameworkCode, ct);
        return await results.PublishedAsync(framework, ct)
            ?? throw new NotFoundException($"Kết quả của bộ chỉ số {frameworkCode} chưa được công bố.");
    }
}
