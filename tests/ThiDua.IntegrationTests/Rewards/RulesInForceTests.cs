using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>
/// The rules in force as data (issue "rules in force", API.md "Rules in force"): review rounds of any movement and what
/// they judge, dated rule sets, standing councils counted over all their members, state awards proposed and decided
/// centrally, who may issue a Giấy khen, decision symbols from abbreviations, and the money.
/// </summary>
public class RulesInForceTests
{
    private static readonly DateTimeOffset FinalReviewDay = new(2025, 12, 20, 9, 0, 0, Vietnam);

    /// <summary>The movement of 2026–2030 with its phases and a mid-term round in 2028, as the Secretariat creates it.</summary>
    private static object Movement2026() => new
    {
        code = "CDS-2026-2030",
        name = "Phong trào thi đua Chuyển đổi số toàn diện giai đoạn 2026–2030",
        startDate = "2026-01-01",
        endDate = "2030-12-31",
        phases = new[]
        {
            new { code = "2026-2028", name = "Giai đoạn 2026–2028", startDate = "2026-01-01", endDate = "2028-12-31" },
            new { code = "2029-2030", name = "Giai đoạn 2029–2030", startDate = "2029-01-01", endDate = "2030-12-31" },
        },
        rounds = new object[]
        {
            new { kind = "annual", year = 2026, reviewDate = "2026-12-20" },
            new { kind = "midterm", year = 2028, reviewDate = "2028-12-15", taskPhase = "2026-2028" },
            new { kind = "final", year = 2030, reviewDate = "2030-12-15", dtiYears = new[] { 2027, 2028, 2029 } },
        },
    };

    private static async Task<JsonNode> CreateMovement2026Async(ThiDuaApp app) =>
        await (await (await app.ClientAsync("thuongtruc")).PostJsonAsync("/api/v1/movements", Movement2026())).JsonAsync(HttpStatusCode.Created);

    [Theory, Providers]
    public async Task AtTheFinalReviewAUnitIsJudgedOnThePublishedDtiOfTheYearBefore(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, FinalReviewDay);
        var dti = await PublishedDtiAsync(app, ForeignAffairs);
        var id = await BoardDraftAsync(app, ForeignAffairs);
        await TickChecklistAsync(app, id);

        var eligibility = await EligibilityAsync(app, id);

        Assert.True((bool)eligibility["eligible"]!, eligibility.Text());
        Assert.Equal(2024, dti.Year);
        Assert.Equal(dti.GoodDetail, (string?)eligibility.Rule("dti_good")["detail"]);
        Assert.StartsWith("DTI 2024: ", (string?)eligibility.Rule("dti_good")["detail"], StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task ACommuneFormedByMergerIsJudgedOnItsPredecessorsMean(DatabaseProvider provider)
    {
        await using var app = await StartAtAsync(provider, FinalReviewDay);
        var board = await app.ClientAsync(Board);
        var predecessors = (await (await board.GetAsync($"/api/v1/units/{BaiChay}")).JsonAsync())["predecessors"].Strings().Order(StringComparer.Ordinal).ToList();
        var communes = (await (await app.CreateClient().GetAsync("/api/open/v1/results?frameworkCode=QN-DTI-2024-XA&pageSize=500")).JsonAsync())["items"]!.AsArray();
        var scores = predecessors.Select(code => (double)communes.Single(i => (string?)i!["unitCode"] == code)!["score100"]!).ToList();
        var id = await BoardDraftAsync(app, BaiChay);

        var detail = (string?)(await EligibilityAsync(app, id)).Rule("dti_good")["detail"];

        Assert.NotEmpty(predecessors);
        Assert.StartsWith("DTI 2024: đơn vị chưa có kết quả riêng; xét theo trung bình các đơn vị tiền thân (", detail, StringComparison.Ordinal);
        Assert.Contains($" là {Points(scores.Average())}/100", detail, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task AMovementOf2026To2030WithAMidTermRoundIn2028TakesNominations(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var movement = await CreateMovement2026Async(app);
        var board = await app.ClientAsync(Board);

        var created = await NominateAsync(board, new
        {
            movementCode = "CDS-2026-2030", round = "midterm", year = 2028, nomineeKind = "unit", unitCode = ForeignAffairs,
            award = "chairman_certificate", achievements = "Dẫn đầu khối sở, ngành về chuyển đổi số giai đoạn 2026–2028.",
        });
        var eligibility = await EligibilityAsync(app, (int)created["id"]!);

        var midterm = movement["rounds"]!.AsArray().Single(r => (string?)r!["kind"] == "midterm")!;
        Assert.Equal((2028, "2028-12-15", "2026-2028"), ((int)midterm["year"]!, (string?)midterm["reviewDate"], (string?)midterm["taskPhase"]));
        Assert.Equal([2027], midterm["judgedDtiYears"]!.AsArray().Select(y => (int)y!));
        Assert.Equal([2027, 2028, 2029], movement["rounds"]!.AsArray().Single(r => (string?)r!["kind"] == "final")!["judgedDtiYears"]!.AsArray().Select(y => (int)y!));
        Assert.Equal(("midterm", 2028), ((string?)created["round"], (int)created["year"]!));
        Assert.Equal("DTI 2027: chưa có kết quả đã công bố (của đơn vị hoặc các đơn vị tiền thân).", (string?)eligibility.Rule("dti_good")["detail"]);
    }

    [Theory, Providers]
    public async Task ANominationForARoundTheMovementDoesNotHaveIsRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await CreateMovement2026Async(app);

        var response = await (await app.ClientAsync(Board)).PostJsonAsync("/api/v1/nominations", new
        {
            movementCode = "CDS-2026-2030", round = "midterm", year = 2027, nomineeKind = "unit", unitCode = ForeignAffairs,
            award = "chairman_certificate", achievements = "Dẫn đầu khối sở, ngành về chuyển đổi số.",
        });

        Assert.Contains("round", (await response.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
    }

    /// <summary>Six more council members, and a council of nine established by decision.</summary>
    private static async Task CouncilOfNineAsync(ThiDuaApp app)
    {
        var admin = await app.ClientAsync("admin");
        for (var i = 4; i <= 9; i++)
        {
            await (await admin.PostJsonAsync("/api/v1/users", new { userName = $"hoidong{i}", password = ThiDuaApp.Password, fullName = $"Thành viên {i}", roles = new[] { "CouncilMember" } }))
                .JsonAsync(HttpStatusCode.Created);
        }
        await (await (await app.ClientAsync(Board)).PostJsonAsync("/api/v1/councils", new
        {
            code = "HDTDKT-2026", name = "Hội đồng Thi đua – Khen thưởng tỉnh nhiệm kỳ 2026–2031", issuingUnitCode = "QN-22",
            establishedBy = new { number = "215/QĐ-UBND", date = "2026-01-20" }, termFrom = "2026-01-20",
            memberUserNames = Enumerable.Range(1, 9).Select(i => $"hoidong{i}").ToArray(),
        })).JsonAsync(HttpStatusCode.Created);
    }

    private static async Task<int> NineMemberSessionAsync(ThiDuaApp app, int nomination) =>
        (int)(await (await (await app.ClientAsync(Board)).PostJsonAsync("/api/v1/council-sessions", new { date = "2026-11-27", councilCode = "HDTDKT-2026", nominationIds = new[] { nomination } }))
            .JsonAsync(HttpStatusCode.Created))["id"]!;

    private static async Task<JsonNode> VoteYesAndCloseAsync(ThiDuaApp app, int session, int nomination, int yes)
    {
        for (var i = 1; i <= yes; i++)
        {
            await VoteAsync(app, $"hoidong{i}", session, (nomination, "yes"));
        }
        return await CloseByBoardAsync(app, session);
    }

    [Theory, Providers]
    public async Task FiveYesOfANineMemberCouncilDoNotPassAChairmansCertificate(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await CouncilOfNineAsync(app);
        var construction = await ReceivedConstructionAsync(app);

        var session = await NineMemberSessionAsync(app, construction);
        // A sixth member abstains, so the quorum (two thirds of nine) is met and the pass share alone decides.
        await VoteAsync(app, "hoidong9", session, (construction, "abstain"));

        var result = await VoteYesAndCloseAsync(app, session, construction, 5);

        Assert.Equal((9, 6, true), ((int)result["members"]!, (int)result["present"]!, (bool)result["quorumMet"]!));
        Assert.Equal((5, false), ((int)result["tallies"]![0]!["yes"]!, (bool)result["tallies"]![0]!["passed"]!));
        Assert.Equal(3, result["absent"]!.AsArray().Count);
        Assert.Equal("rejected", await StatusAsync(app, construction));
    }

    [Theory, Providers]
    public async Task SevenYesOfANineMemberCouncilPassIt(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await CouncilOfNineAsync(app);
        var construction = await ReceivedConstructionAsync(app);

        var result = await VoteYesAndCloseAsync(app, await NineMemberSessionAsync(app, construction), construction, 7);

        Assert.True((bool)result["tallies"]![0]!["passed"]!);
        Assert.Equal("voted", await StatusAsync(app, construction));
    }

    [Theory, Providers]
    public async Task ASessionCannotAddAMemberWhoIsNotOnTheCouncil(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        await CouncilOfNineAsync(app);
        var construction = await ReceivedConstructionAsync(app);

        var response = await (await app.ClientAsync(Board)).PostJsonAsync("/api/v1/council-sessions",
            new { date = "2026-11-27", councilCode = "HDTDKT-2026", nominationIds = new[] { construction }, memberUserNames = new[] { "hoidong1", "thanhtra" } });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("thanhtra không phải thành viên", (string?)problem["errors"]!["memberUserNames"]![0], StringComparison.Ordinal);
    }

    /// <summary>A state-award nomination of Sở Xây dựng, received, noticed ten working days before the council, passed by the three members.</summary>
    private static async Task<int> PassedStateAwardAsync(ThiDuaApp app)
    {
        await PublishJudgedRankingAsync(app);
        var leader = await LeaderOfAsync(app, Construction);
        var id = (int)(await NominateAsync(leader, FinalNomination(Construction, "state_award")))["id"]!;
        await UploadDossierAsync(leader, id);
        await SubmitAsync(leader, id);
        await ReceiveAsync(app, id);
        await TickChecklistAsync(app, id);
        var early = await ConveneAsync(app, [id]);
        await early.ProblemAsync(HttpStatusCode.Conflict);
        await NoticeAsync(app, id);
        MoveClock(app, new DateTimeOffset(2026, 12, 11, 9, 0, 0, Vietnam));
        await UnanimousAsync(app, (int)(await SessionAsync(app, [id], date: "2026-12-11"))["id"]!, id);
        return id;
    }

    [Theory, Providers]
    public async Task AStateAwardEndsAtTheProvinceInAProposalNotAReward(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = await PassedStateAwardAsync(app);
        var board = await app.ClientAsync(Board);

        var decision = await DecideAsync(board, id, "2026-12-11");
        var proposal = await (await board.PostJsonAsync("/api/v1/state-proposals", new { date = "2026-12-11", signerName = "Nguyễn Văn A", signerTitle = "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", nominationIds = new[] { id } }))
            .JsonAsync(HttpStatusCode.Created);

        await decision.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("01/TTr-UBND", (string?)proposal["number"]);
        Assert.Equal("proposed", await StatusAsync(app, id));
        Assert.Equal(0, (int)(await (await board.GetAsync("/api/v1/rewards?year=2025")).JsonAsync())["total"]!);
    }

    [Theory, Providers]
    public async Task TheCentralDecisionPutsTheRewardInTheHistoryUnderItsIssuer(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = await PassedStateAwardAsync(app);
        var board = await app.ClientAsync(Board);
        await (await board.PostJsonAsync("/api/v1/state-proposals", new { date = "2026-12-11", signerName = "Nguyễn Văn A", signerTitle = "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", nominationIds = new[] { id } }))
            .JsonAsync(HttpStatusCode.Created);

        var decided = await (await board.PostJsonAsync($"/api/v1/nominations/{id}/central-decision", new { number = "1234/QĐ-CTN", date = "2026-12-11", issuer = "Chủ tịch nước", granted = true }))
            .JsonAsync();

        var rewards = await (await board.GetAsync($"/api/v1/rewards?unitCode={Construction}")).JsonAsync();
        var reward = rewards["items"]!.AsArray().Single()!;
        Assert.Equal("decided", (string?)decided["status"]);
        Assert.Equal(("1234/QĐ-CTN", "Chủ tịch nước", "state_award"), ((string?)reward["decisionNumber"], (string?)reward["issuer"], (string?)reward["award"]));
    }

    [Theory, Providers]
    public async Task AUnitCannotNominateItselfForItsOwnCertificate(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await (await app.ClientAsync("baichay.baocao")).PostJsonAsync("/api/v1/nominations", new
        {
            movementCode = Movement, round = "annual", year = 2026, nomineeKind = "unit", unitCode = BaiChay, award = "unit_certificate",
            achievements = "Hoàn thành tốt nhiệm vụ chuyển đổi số năm 2026.",
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Điều 80", (string?)problem["errors"]!["unitCode"]![0], StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task AnIssuerThatEndedOnThe30thOfJuneCannotIssueOnThe1stOfJuly(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        const string HaLong = "H-193-HALONG";
        var leader = await LeaderOfAsync(app, HaLong);
        var id = (int)(await NominateAsync(leader, new
        {
            movementCode = Movement, round = "annual", year = 2025, nomineeKind = "individual", proposingUnitCode = HaLong,
            person = new { fullName = "Trần Thị Mai", position = "Chuyên viên", organization = "UBND thành phố Hạ Long" },
            award = "unit_certificate", achievements = "Số hoá hồ sơ một cửa của thành phố.",
        }))["id"]!;
        await SubmitAsync(leader, id);

        var late = await DecideAsync(leader, id, "2025-07-01");
        var inTime = await (await DecideAsync(leader, id, "2025-06-30")).JsonAsync(HttpStatusCode.Created);

        Assert.Contains("30/06/2025", (string?)(await late.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["date"]![0], StringComparison.Ordinal);
        Assert.Equal("01/QĐ-UBND", (string?)inTime["number"]);
    }

    /// <summary>A Sở Y tế officer's own certificate of 2026, submitted by its leader.</summary>
    private static async Task<int> HealthCertificateAsync(ThiDuaApp app)
    {
        var (reporter, leader) = await HealthStaffAsync(app);
        var id = (int)(await NominateAsync(reporter, new
        {
            movementCode = Movement, round = "annual", year = 2026, nomineeKind = "individual",
            person = new { fullName = "Lê Văn Cường", position = "Chuyên viên", organization = "Sở Y tế" },
            award = "unit_certificate", achievements = "Triển khai hồ sơ sức khoẻ điện tử.",
        }))["id"]!;
        await SubmitAsync(leader, id);
        return id;
    }

    [Theory, Providers]
    public async Task ADecisionOfSoYTeIsNumberedWithItsAbbreviationAndCarriesTheMoney(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = await HealthCertificateAsync(app);
        var rules = await (await (await app.ClientAsync(Board)).GetAsync("/api/v1/reward-rules?award=unit_certificate&date=2026-11-27")).JsonAsync();
        var coefficient = (double)rules["money"]!["personCoefficient"]!;

        var decision = await (await DecideAsync(await app.ClientAsync("soyte.lanhdao"), id, "2026-11-27")).JsonAsync(HttpStatusCode.Created);
        var statistics = await (await (await app.ClientAsync(Board)).GetAsync("/api/v1/rewards/statistics?year=2026")).JsonAsync();

        // The base salary in force on 27/11/2026: 2,340,000 đồng from 01/07/2024 (Decree 73/2024/NĐ-CP).
        var money = Math.Round((decimal)coefficient * 2_340_000m, 0);
        Assert.Equal("01/QĐ-SYT", (string?)decision["number"]);
        Assert.Equal(money, (decimal)decision["rewards"]![0]!["moneyAmount"]!);
        Assert.Equal(money, (decimal)statistics["money"]!);
    }

    [Theory, Providers]
    public async Task WhereTheClerkKeepsTheRegisterADecisionNeedsTheClerksNumber(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = await HealthCertificateAsync(app);
        var admin = await app.ClientAsync("admin");
        var unit = await (await admin.GetAsync($"/api/v1/units/{Health}")).JsonAsync();
        await (await admin.PutJsonAsync($"/api/v1/units/{Health}", new
        {
            name = (string?)unit["name"], type = (string?)unit["type"], parentCode = (string?)unit["parentCode"], validFrom = (string?)unit["validFrom"],
            keepsRegisterInThiDua = false, version = (int)unit["version"]!,
        })).JsonAsync();
        var leader = await app.ClientAsync("soyte.lanhdao");

        var unnumbered = await DecideAsync(leader, id, "2026-11-27");
        var numbered = await (await DecideAsync(leader, id, "2026-11-27", number: "15/QĐ-SYT")).JsonAsync(HttpStatusCode.Created);

        Assert.Contains("number", (await unnumbered.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal("15/QĐ-SYT", (string?)numbered["number"]);
    }

    [Theory, Providers]
    public async Task ARuleSetIsReadByDateAndANewVersionEndsTheOldOne(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var board = await app.ClientAsync(Board);

        var before = await (await board.GetAsync("/api/v1/reward-rules?award=chairman_certificate&date=2025-06-30")).JsonAsync();
        var after = await (await board.GetAsync("/api/v1/reward-rules?award=chairman_certificate&date=2025-07-01")).JsonAsync();
        var added = await board.PostJsonAsync("/api/v1/reward-rules", new
        {
            award = "chairman_certificate", validFrom = "2027-01-01", source = "Quyết định sửa đổi quy chế thi đua, khen thưởng của tỉnh (giả định trong kiểm thử)",
            issuer = "province", requiresCouncil = true, notice = new { when = "before_decision", workingDays = 5 }, quorumFraction = 0.75, passFraction = 0.8,
            passOfMembers = true, requiredDocuments = new[] { "proposal", "minutes", "achievement_report" }, money = new { personCoefficient = 1.5, collectiveCoefficient = 3.0 },
        });
        var replaced = await (await board.GetAsync("/api/v1/reward-rules?award=chairman_certificate&date=2026-12-31")).JsonAsync();
        var refused = await (await app.ClientAsync("soyte.baocao")).PostJsonAsync("/api/v1/reward-rules", new { });

        Assert.Equal(1.0, (double)before["money"]!["personCoefficient"]!);
        Assert.Equal(1.5, (double)after["money"]!["personCoefficient"]!);
        Assert.Contains("152/2025/NĐ-CP", (string?)after["source"], StringComparison.Ordinal);
        await added.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-12-31", (string?)replaced["validTo"]);
        await refused.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task TheCalendarKnowsTheYearsArrangementAndCountsWorkingDays(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("soyte.baocao");

        var year = await (await client.GetAsync("/api/v1/calendar?year=2025")).JsonAsync();
        var april = await (await client.GetAsync("/api/v1/calendar/add-working-days?start=2025-04-24&count=10")).JsonAsync();
        var newYear = await (await client.GetAsync("/api/v1/calendar/add-working-days?start=2025-12-29&count=10")).JsonAsync();
        var nextYear = await (await client.GetAsync("/api/v1/calendar?year=2026")).JsonAsync();

        var daysOff = year["daysOff"]!.AsArray().Select(d => (string)d!["date"]!).ToList();
        Assert.Contains("2025-01-27", daysOff);
        Assert.Contains("2025-05-02", daysOff);
        Assert.Equal(["2025-04-26"], year["workingDays"]!.AsArray().Select(d => (string)d!["date"]!));
        Assert.Contains("2026-01-02", nextYear["daysOff"]!.AsArray().Select(d => (string)d!["date"]!));
        Assert.Contains("2026-01-10", nextYear["workingDays"]!.AsArray().Select(d => (string)d!["date"]!));
        Assert.Equal("2025-05-09", (string?)april["end"]);
        Assert.Equal("2026-01-12", (string?)newYear["end"]);
    }

    [Theory, Providers]
    public async Task TheAdministratorAddsAWorkingSaturdayAndRemovesADayOff(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var admin = await app.ClientAsync("admin");

        var saturday = await admin.PostJsonAsync("/api/v1/calendar/days", new { date = "2027-02-20", kind = "working_day", name = "Làm bù cho thứ Hai 15/03/2027" });
        var weekday = await admin.PostJsonAsync("/api/v1/calendar/days", new { date = "2027-02-22", kind = "working_day", name = "Không phải cuối tuần" });
        var swapped = await admin.PostJsonAsync("/api/v1/calendar/days", new { date = "2027-03-15", kind = "day_off", name = "Hoán đổi ngày làm việc" });
        var removed = await admin.DeleteAsync("/api/v1/calendar/days/2027-09-02");
        var byReporter = await (await app.ClientAsync("soyte.baocao")).PostJsonAsync("/api/v1/calendar/days", new { date = "2027-02-27", kind = "working_day", name = "Thử" });
        var calendar = await (await admin.GetAsync("/api/v1/calendar?year=2027")).JsonAsync();

        await saturday.JsonAsync(HttpStatusCode.Created);
        await weekday.ProblemAsync(HttpStatusCode.BadRequest);
        await swapped.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await byReporter.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("2027-02-20", calendar["workingDays"]!.AsArray().Select(d => (string)d!["date"]!));
        Assert.DoesNotContain("2027-09-02", calendar["daysOff"]!.AsArray().Select(d => (string)d!["date"]!));
    }

    [Theory, Providers]
    public async Task AReportDeadlineOnADayOffMovesOnlyWhereItsRuleSaysSo(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        await (await secretariat.PostJsonAsync("/api/v1/movements", new
        {
            code = "TD-THU-2026", name = "Phong trào thử hạn báo cáo", startDate = "2026-01-01", endDate = "2026-12-31", reportDeadline = "12-13", reportDeadlineRule = "next_working_day",
        })).JsonAsync(HttpStatusCode.Created);

        var moved = await (await secretariat.GetAsync("/api/v1/movements/TD-THU-2026/report-status?year=2026")).JsonAsync();
        var strict = await (await secretariat.GetAsync($"/api/v1/movements/{Movement}/report-status?year=2026")).JsonAsync();

        // 13/12/2026 is a Sunday: the next working day is Monday 14/12.
        Assert.Equal(("2026-12-13", "2026-12-14", "next_working_day"), ((string?)moved["deadline"], (string?)moved["effectiveDeadline"], (string?)moved["deadlineRule"]));
        Assert.Equal(("strict", "2026-12-15"), ((string?)strict["deadlineRule"], (string?)strict["effectiveDeadline"]));
        Assert.Contains("ngày làm việc kế tiếp", (string?)moved["deadlineRuleText"], StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task ADossierWaitingPastItsStepsTimeLimitIsFlaggedInTheList(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (_, id) = await HealthSubmittedAsync(app);
        var rules = await (await (await app.ClientAsync(Board)).GetAsync("/api/v1/reward-rules?award=chairman_certificate")).JsonAsync();
        var limit = (int)rules["stepTimeLimits"]!["receive"]!;
        var due = (await (await (await app.ClientAsync("soyte.baocao")).GetAsync($"/api/v1/calendar/add-working-days?start=2026-11-28&count={limit}")).JsonAsync())["end"]!.ToString();

        var inTime = await ListedAsync(app, id);
        MoveClock(app, new DateTimeOffset(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToDateTime(new TimeOnly(9, 0)), Vietnam));
        var late = await ListedAsync(app, id);

        Assert.Equal((due, false), ((string?)inTime["stepDueBy"], (bool)inTime["overdue"]!));
        Assert.True((bool)late["overdue"]!);
    }

    private static async Task<JsonNode> ListedAsync(ThiDuaApp app, int id) =>
        (await (await (await app.ClientAsync(Board)).GetAsync("/api/v1/nominations?status=submitted")).JsonAsync())["items"]!.AsArray().Single(n => (int)n!["id"]! == id)!;

    /// <summary>Every endpoint of the rules in force refuses the roles that do not hold it (403), and anonymous callers (401).</summary>
    [Theory]
    [InlineData("POST", "/api/v1/reward-rules", "soyte.lanhdao")]
    [InlineData("POST", "/api/v1/councils", "soyte.baocao")]
    [InlineData("POST", "/api/v1/councils", "hoidong1")]
    [InlineData("GET", "/api/v1/councils", "soyte.baocao")]
    [InlineData("POST", "/api/v1/state-proposals", "soyte.lanhdao")]
    [InlineData("POST", "/api/v1/state-proposals", "thuongtruc")]
    [InlineData("POST", "/api/v1/nominations/1/central-decision", "soyte.lanhdao")]
    [InlineData("POST", "/api/v1/calendar/days", "banthidua")]
    [InlineData("DELETE", "/api/v1/calendar/days/2027-09-02", "thuongtruc")]
    [InlineData("DELETE", "/api/v1/holidays/2027-09-02", "soyte.baocao")]
    public async Task TheWrongRoleIsRefused(string method, string path, string userName)
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
        using var anonymousRequest = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };

        var response = await (await app.ClientAsync(userName)).SendAsync(request);
        var anonymous = await app.CreateClient().SendAsync(anonymousRequest);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
