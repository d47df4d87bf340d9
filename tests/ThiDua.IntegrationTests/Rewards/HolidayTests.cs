using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>The days off a notice's working days skip: the statutory ones, and those the administrator adds.</summary>
public class HolidayTests
{
    private static async Task<HttpResponseMessage> AddHolidayAsync(HttpClient client, string date, string name) =>
        await client.PostJsonAsync("/api/v1/holidays", new { date, name });

    /// <summary>Tuesday 1 December 2026, a day off given in lieu.</summary>
    private static async Task AddDayInLieuAsync(HttpClient admin) =>
        await (await AddHolidayAsync(admin, "2026-12-01", "Ngày nghỉ bù theo thông báo của Chính phủ")).JsonAsync(HttpStatusCode.Created);

    [Theory, Providers]
    public async Task TheStatutoryHolidaysIncludeTet(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var holidays = await (await (await app.ClientAsync("admin")).GetAsync("/api/v1/holidays?year=2027")).JsonAsync();

        Assert.Contains(holidays.AsArray(), h => (string?)h!["date"] == "2027-02-06" && (string?)h["name"] == "Tết Nguyên đán");
    }

    [Theory, Providers]
    public async Task AStatutoryHolidayIsNotAddedAgain(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await AddHolidayAsync(await app.ClientAsync("admin"), "2027-01-01", "Tết Dương lịch");

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task AHolidayOutsideTheCalendarsYearsIsRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await AddHolidayAsync(await app.ClientAsync("admin"), "9999-12-31", "Ngày không có thật");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task HolidaysAreListedOnlyForTheCalendarsYears(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await (await app.ClientAsync("admin")).GetAsync("/api/v1/holidays?year=3000");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task OnlyTheAdministratorAddsHolidays(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await AddHolidayAsync(await app.ClientAsync(Board), "2026-12-01", "Nghỉ bù");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AnAddedHolidayLengthensTheNotice(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await AddDayInLieuAsync(await app.ClientAsync("admin"));

        var noticed = await NoticedConstructionAsync(app);

        // Friday 27 November 2026, ten working days without Tuesday 1 December: Friday 11 December.
        Assert.Equal("2026-12-11", (string?)noticed["noticeEnd"]);
    }

    [Theory, Providers]
    public async Task AnAddedHolidayCanBeRemoved(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var admin = await app.ClientAsync("admin");
        await AddDayInLieuAsync(admin);

        var response = await admin.DeleteAsync("/api/v1/holidays/2026-12-01");

        await response.EnsureSuccessStatusCodeAsync();
    }

    [Theory, Providers]
    public async Task AnOrdinaryWorkingDayIsNotADayOffToRemove(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await (await app.ClientAsync("admin")).DeleteAsync("/api/v1/holidays/2027-01-05");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
