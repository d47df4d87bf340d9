using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Units;

public class ClustersApiTests
{
    [Theory, Providers]
    public async Task AClusterOfAYearHasMembersThatExistedThatYear(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        var created = await (await client.PostJsonAsync("/api/v1/clusters", new
        {
            code = "KHOI-VHXH",
            name = "Khối Văn hoá – Xã hội",
            kind = "bloc",
            year = 2025,
            memberCodes = new[] { "SO-YT", "SO-GDDT", "SO-VHTTDL" },
        })).JsonAsync(HttpStatusCode.Created);
        var list = await (await client.GetAsync("/api/v1/clusters?year=2025")).JsonAsync();
        var otherYear = await (await client.GetAsync("/api/v1/clusters?year=2024")).JsonAsync();

        Assert.Equal("bloc", (string?)created["kind"]);
        Assert.Equal(3, created["members"]!.AsArray().Count);
        Assert.Equal(1, (int)list["total"]!);
        Assert.Equal(0, (int)otherYear["total"]!);
        await (await client.PostJsonAsync("/api/v1/clusters", new { code = "KHOI-VHXH", name = "Trùng", kind = "bloc", year = 2025, memberCodes = Array.Empty<string>() }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var unknown = await (await client.PostJsonAsync("/api/v1/clusters", new { code = "K2", name = "Khối 2", kind = "bloc", year = 2025, memberCodes = new[] { "NOPE" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("NOPE", unknown.ToJsonString(), StringComparison.Ordinal);
        // Phường Bãi Cháy began on 1 July 2025: it cannot be in a cluster of 2024.
        await (await client.PostJsonAsync("/api/v1/clusters", new { code = "C1", name = "Cụm 1", kind = "cluster", year = 2024, memberCodes = new[] { "X2025-06673-BAICHAY" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostJsonAsync("/api/v1/clusters", new { code = "C1", name = "Cụm 1", kind = "cluster", year = 1999, memberCodes = Array.Empty<string>() }))
            .ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task MembersChangeWithTheVersionRead(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");
        var created = await (await client.PostJsonAsync("/api/v1/clusters", new { code = "CUM-1", name = "Cụm 1", kind = "cluster", year = 2026, memberCodes = new[] { "X2025-06673-BAICHAY" } }))
            .JsonAsync(HttpStatusCode.Created);
        var id = (int)created["id"]!;
        var version = (int)created["version"]!;

        var updated = await (await client.PutJsonAsync($"/api/v1/clusters/{id}", new { code = "CUM-1", name = "Cụm 1", kind = "cluster", year = 2026, memberCodes = new[] { "X2025-06673-BAICHAY", "X2025-06652-HATU" }, version }))
            .JsonAsync();
        var stale = await client.PutJsonAsync($"/api/v1/clusters/{id}", new { code = "CUM-1", name = "Cụm 1", kind = "cluster", year = 2026, memberCodes = Array.Empty<string>(), version });

        Assert.Equal(2, updated["members"]!.AsArray().Count);
        Assert.Equal(version + 1, (int)updated["version"]!);
        await stale.ProblemAsync(HttpStatusCode.Conflict);
    }
}
