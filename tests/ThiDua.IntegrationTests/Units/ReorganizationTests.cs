using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Units;

public class ReorganizationTests
{
    [Theory, Providers]
    public async Task AMergeEndsTheOldUnitsStartsTheNewOneAndKeepsLineage(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        var response = await client.PostJsonAsync("/api/v1/units/reorganizations", new
        {
            effectiveDate = "2026-07-01",
            kind = "merge",
            from = new[] { "X2025-06652-HATU", "X2025-06658-CAOXANH" },
            to = new[] { new { code = "X2026-HATU-CAOXANH", name = "Phường Hà Tu Cao Xanh", type = "commune", parentCode = "QN-22" } },
            note = "Ví dụ kiểm thử",
        });
        var result = await response.JsonAsync(HttpStatusCode.Created);
        var merged = await (await client.GetAsync("/api/v1/units/X2026-HATU-CAOXANH")).JsonAsync();
        var old = await (await client.GetAsync("/api/v1/units/X2025-06652-HATU")).JsonAsync();
        var after = await (await client.GetAsync("/api/v1/units?type=commune&asOf=2026-07-01")).JsonAsync();

        Assert.Equal(["X2025-06652-HATU", "X2025-06658-CAOXANH"], result["ended"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("2026-06-30", (string?)old["validTo"]);
        Assert.Equal("2026-07-01", (string?)merged["validFrom"]);
        Assert.Equal("ward", (string?)merged["subtype"]);
        Assert.Equal(["X2025-06652-HATU", "X2025-06658-CAOXANH"], merged["predecessors"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(53, (int)after["total"]!);
    }

    [Theory, Providers]
    public async Task AnInvalidPlanChangesNothing(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        var unknown = await client.PostJsonAsync("/api/v1/units/reorganizations", new
        {
            effectiveDate = "2026-07-01",
            kind = "merge",
            from = new[] { "X2025-06652-HATU", "NO-SUCH" },
            to = new[] { new { code = "X2026-NEW", name = "Phường Mới", type = "commune", parentCode = "QN-22" } },
        });
        var ended = await client.PostJsonAsync("/api/v1/units/reorganizations", new
        {
            effectiveDate = "2026-07-01",
            kind = "rename",
            from = new[] { "H-193-HALONG" },
            to = new[] { new { code = "X2026-NEW", name = "Thành phố Hạ Long", type = "district", parentCode = "QN-22" } },
        });
        var badKind = await client.PostRawAsync("/api/v1/units/reorganizations", "{\"effectiveDate\":\"2026-07-01\",\"kind\":\"annex\",\"from\":[\"A\"],\"to\":[]}");

        var problem = await unknown.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("NO-SUCH", problem.ToJsonString(), StringComparison.Ordinal);
        await ended.ProblemAsync(HttpStatusCode.BadRequest);
        await badKind.ProblemAsync(HttpStatusCode.BadRequest);
        var hatu = await (await client.GetAsync("/api/v1/units/X2025-06652-HATU")).JsonAsync();
        Assert.Null((string?)hatu["validTo"]);
        await (await client.GetAsync("/api/v1/units/X2026-NEW")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task ASplitLeavesChildrenForTheSecretariatToReassignAndARenameMovesThem(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        // Before the 2025 reform: rename the district of Cô Tô; its three communes follow it.
        var rename = await (await client.PostJsonAsync("/api/v1/units/reorganizations", new
        {
            effectiveDate = "2025-01-01",
            kind = "rename",
            from = new[] { "H-207-COTO" },
            to = new[] { new { code = "H-207-COTO-B", name = "Huyện đảo Cô Tô", type = "district", parentCode = "QN-22" } },
        })).JsonAsync(HttpStatusCode.Created);
        var split = await (await client.PostJsonAsync("/api/v1/units/reorganizations", new
        {
            effectiveDate = "2025-03-01",
            kind = "split",
            from = new[] { "H-207-COTO-B" },
            to = new[]
            {
                new { code = "H-COTO-1", name = "Huyện Cô Tô 1", type = "district", parentCode = "QN-22" },
                new { code = "H-COTO-2", name = "Huyện Cô Tô 2", type = "district", parentCode = "QN-22" },
            },
        })).JsonAsync(HttpStatusCode.Created);
        var commune = await (await client.GetAsync("/api/v1/units?asOf=2025-02-01&q=X-07195")).JsonAsync();

        Assert.Equal(3, rename["reparented"]!.AsArray().Count);
        Assert.Equal(3, split["childrenToReassign"]!.AsArray().Count);
        Assert.Equal("H-207-COTO-B", (string?)commune["items"]![0]!["parentCode"]);
    }
}
