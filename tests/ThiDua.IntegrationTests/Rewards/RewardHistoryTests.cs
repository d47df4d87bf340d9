using System.Net;
using MiniExcelLibs;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>The history of rewards: searched, exported, counted, and open to the public without personal data.</summary>
public class RewardHistoryTests
{
    /// <summary>
    /// Four Bãi Cháy officers rewarded by the ward for 2026: on 31 December 2026 Lê Văn Cường (01) and Phạm Thị Dung
    /// (07); on 2 January 2027 Vũ Minh Đức (01 of 2027) and Hoàng Thị Én (08, dated 31 December 2026). Returns the
    /// ward's leader, who reads the history.
    /// </summary>
    private static async Task<HttpClient> FourRewardsAsync(ThiDuaApp app)
    {
        var nominations = new List<int>();
        foreach (var person in new[] { "Lê Văn Cường", "Phạm Thị Dung", "Vũ Minh Đức", "Hoàng Thị Én" })
        {
            nominations.Add(await OwnCertificateAsync(app, person));
        }
        await WardDecisionAsync(app, nominations[0], "2026-12-31");
        await WardDecisionAsync(app, nominations[1], "2026-12-31", number: "7");
        MoveClock(app, SecondOfJanuary);
        await WardDecisionAsync(app, nominations[2], "2027-01-02");
        await WardDecisionAsync(app, nominations[3], "2026-12-31");
        return await app.ClientAsync("baichay.lanhdao");
    }

    private static async Task<int> TotalAsync(HttpClient client, string url) => (int)(await (await client.GetAsync(url)).JsonAsync())["total"]!;

    [Theory, Providers]
    public async Task TheHistoryFindsAPersonWithoutTheirDiacritics(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var leader = await FourRewardsAsync(app);

        var history = await (await leader.GetAsync("/api/v1/rewards?q=le van cuong")).JsonAsync();

        Assert.Equal("Lê Văn Cường", (string?)history["items"]![0]!["personFullName"]);
        Assert.Equal(BaiChay, (string?)history["items"]![0]!["unitCode"]);
    }

    [Theory, Providers]
    public async Task TheHistorysYearIsTheYearTheRewardIsFor(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var leader = await FourRewardsAsync(app);

        // All four are for 2026, one of them decided in 2027.
        Assert.Equal(4, await TotalAsync(leader, $"/api/v1/rewards?year=2026&unitCode={BaiChay}"));
    }

    [Theory, Providers]
    public async Task TheHistoryFindsTheRewardsOfADecision(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var leader = await FourRewardsAsync(app);

        Assert.Equal(1, await TotalAsync(leader, $"/api/v1/rewards?decision={Uri.EscapeDataString($"07/{BaiChaySuffix}")}"));
    }

    [Theory, Providers]
    public async Task TheHistoryFiltersByAward(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var leader = await FourRewardsAsync(app);

        Assert.Equal(0, await TotalAsync(leader, "/api/v1/rewards?award=chairman_certificate"));
    }

    [Theory, Providers]
    public async Task AnUnknownAwardIsRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await (await app.ClientAsync("baichay.lanhdao")).GetAsync("/api/v1/rewards?award=gold_medal");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task APersonsRewardsAreFoundByTheirNameInCapitals(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var leader = await FourRewardsAsync(app);

        var person = await (await leader.GetAsync($"/api/v1/rewards/person?fullName={Uri.EscapeDataString("PHẠM THỊ DUNG")}")).JsonAsync();

        Assert.Single(person.AsArray());
    }

    [Theory, Providers]
    public async Task TheHistoryExportsTheSameRewardsAsAWorkbook(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var leader = await FourRewardsAsync(app);

        var export = await leader.GetAsync($"/api/v1/rewards/export?unitCode={BaiChay}");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => (string)r["Số quyết định"] == $"08/{BaiChaySuffix}" && (string)r["Họ và tên"] == "Hoàng Thị Én" && (string)r["Ngày quyết định"] == "31/12/2026");
    }

    [Theory, Providers]
    public async Task TheStatisticsCountByTheYearOfTheDecision(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        var leader = await FourRewardsAsync(app);

        var statistics = await (await leader.GetAsync("/api/v1/rewards/statistics?year=2026")).JsonAsync();

        Assert.Equal(3, (int)statistics["total"]!);
        Assert.Equal(3, (int)statistics["decisions"]!);
        var row = statistics["byAwardAndKind"]![0]!;
        Assert.Equal(("unit_certificate", "individual", 3), ((string)row["award"]!, (string)row["nomineeKind"]!, (int)row["count"]!));
        Assert.Equal(1, await TotalAsync(leader, "/api/v1/rewards/statistics?year=2027"));
    }

    [Theory, Providers]
    public async Task OpenRewardsShowTheDecisionsWithoutBirthDates(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, NewYearsEve);
        await FourRewardsAsync(app);
        using var anonymous = app.CreateClient();

        var open = await (await anonymous.GetAsync("/api/open/v1/rewards?year=2026")).JsonAsync();

        Assert.Equal(4, (int)open["total"]!);
        Assert.DoesNotContain("dateOfBirth", open.Text(), StringComparison.OrdinalIgnoreCase);
    }
}
