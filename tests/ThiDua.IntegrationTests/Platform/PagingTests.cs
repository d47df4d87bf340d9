using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>Lists are counted and paged in the database and searched there on names folded without diacritics (ADR 014).</summary>
public class PagingTests
{
    [Theory, Providers]
    public async Task AListIsPagedWithItsTotalAndAPageBeyondTheEndIsEmpty(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        var all = await (await client.GetAsync("/api/v1/units?type=commune&asOf=2025-12-31&pageSize=500")).JsonAsync();
        var second = await (await client.GetAsync("/api/v1/units?type=commune&asOf=2025-12-31&page=2&pageSize=10")).JsonAsync();
        var beyond = await (await client.GetAsync($"/api/v1/units?type=commune&asOf=2025-12-31&page={((int)all["total"]! / 10) + 2}&pageSize=10")).JsonAsync();

        var total = (int)all["total"]!;
        Assert.Equal(total, all["items"]!.AsArray().Count);
        Assert.Equal((total, 2, 10), ((int)second["total"]!, (int)second["page"]!, (int)second["pageSize"]!));
        Assert.Equal(all["items"]!.AsArray().Skip(10).Take(10).Select(u => (string?)u!["code"]), second["items"]!.AsArray().Select(u => (string?)u!["code"]));
        Assert.Empty(beyond["items"]!.AsArray());
        Assert.Equal(total, (int)beyond["total"]!);
        await (await client.GetAsync("/api/v1/units?pageSize=501")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task NamesAreFoundWithoutDiacriticsAndCodesWithoutCase(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        var byName = await (await client.GetAsync("/api/v1/units?q=bai%20chay&asOf=2025-12-31")).JsonAsync();
        var byCode = await (await client.GetAsync("/api/v1/units?q=x2025-06673")).JsonAsync();
        var accented = await (await client.GetAsync($"/api/v1/units?q={Uri.EscapeDataString("BÃI CHÁY")}&asOf=2025-12-31")).JsonAsync();

        Assert.Contains(byName["items"]!.AsArray(), u => (string?)u!["name"] == "Phường Bãi Cháy");
        Assert.All(byName["items"]!.AsArray(), u => Assert.Contains("bai chay", ThiDua.Core.Text.TextSearch.Fold((string)u!["name"]!), StringComparison.Ordinal));
        Assert.Equal(["X2025-06673-BAICHAY"], byCode["items"]!.AsArray().Select(u => (string)u!["code"]!));
        Assert.Equal((int)byName["total"]!, (int)accented["total"]!);
    }

    [Theory, Providers]
    public async Task TheNominationListShowsSummaryRowsWithoutPersonalData(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("soyte.baocao");
        await (await reporter.PostJsonAsync("/api/v1/nominations", new
        {
            movementCode = "CDS-2022-2025", round = "final", nomineeKind = "individual",
            person = new { fullName = "Nguyễn Văn Bình", position = "Phó Giám đốc", organization = "Sở Y tế", dateOfBirth = "1978-03-14", gender = "nam" },
            award = "chairman_certificate", achievements = "Sáng kiến bệnh án điện tử áp dụng tại 12 bệnh viện công lập.",
        })).JsonAsync(HttpStatusCode.Created);

        var list = await (await reporter.GetAsync("/api/v1/nominations")).JsonAsync();
        var other = await (await (await app.ClientAsync("baichay.baocao")).GetAsync("/api/v1/nominations")).JsonAsync();

        var row = list["items"]![0]!;
        Assert.Equal(1, (int)list["total"]!);
        Assert.Equal("Nguyễn Văn Bình, Phó Giám đốc, Sở Y tế", (string?)row["nomineeName"]);
        Assert.Equal(["proposal", "minutes", "achievement_report"], row["missingDocuments"]!.AsArray().Select(k => (string)k!));
        Assert.Equal("draft", (string?)row["status"]);
        Assert.DoesNotContain("1978", list.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, (int)other["total"]!);
    }
}
