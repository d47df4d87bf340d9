using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>Who nominates whom, and the way of a nomination between the unit and the Reward Board.</summary>
public class NominationTests
{
    private const string ReturnReason = "Báo cáo thành tích chưa có xác nhận của cấp trình.";

    private static async Task<HttpResponseMessage> BoardNominatesAsync(ThiDuaApp app, object nomination) =>
        await (await app.ClientAsync(Board)).PostJsonAsync("/api/v1/nominations", nomination);

    private static async Task<HttpResponseMessage> ReturnAsync(ThiDuaApp app, int id, string reason) =>
        await (await app.ClientAsync(Board)).PostJsonAsync($"/api/v1/nominations/{id}/return", new { reason });

    /// <summary>Sở Y tế's submitted dossier, returned by the Board with <see cref="ReturnReason"/>.</summary>
    private static async Task<int> ReturnedAsync(ThiDuaApp app, UnitStaff staff)
    {
        var id = await SubmittedAsync(staff, Health);
        await (await ReturnAsync(app, id, ReturnReason)).JsonAsync();
        return id;
    }

    private static async Task<string?> CorrectAndResubmitAsync(UnitStaff staff, int id)
    {
        await (await UploadAsync(staff.Reporter, id, "achievement_report", Pdf("Bao cao thanh tich co xac nhan"), "bao-cao-2.pdf")).JsonAsync(HttpStatusCode.Created);
        return (string?)(await SubmitAsync(staff.Leader, id))["status"];
    }

    /// <summary>Returned once, corrected, submitted again and received: every step a nomination takes twice or once.</summary>
    private static async Task<int> ReceivedAfterReturnAsync(ThiDuaApp app, UnitStaff staff)
    {
        var id = await ReturnedAsync(app, staff);
        await CorrectAndResubmitAsync(staff, id);
        await ReceiveAsync(app, id);
        return id;
    }

    [Theory, Providers]
    public async Task APersonIsNamedWithPositionAndOrganisationAndProposedByTheReportersUnit(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var person = await NominateAsync(await app.ClientAsync("soyte.baocao"), PersonNomination());

        Assert.Equal(Health, (string?)person["proposingUnitCode"]);
        Assert.Equal("Nguyễn Văn Bình, Phó Giám đốc, Sở Y tế", (string?)person["nomineeName"]);
    }

    [Theory, Providers]
    public async Task AnEnterpriseNomineeMustBeAnEnterprise(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await BoardNominatesAsync(app, new
        {
            movementCode = Movement, round = "final", nomineeKind = "enterprise", unitCode = Health, award = "chairman_certificate", achievements = "Doanh nghiệp tiêu biểu về chuyển đổi số.",
        });

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task APersonNomineeNeedsThePerson(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await BoardNominatesAsync(app, new
        {
            movementCode = Movement, round = "final", nomineeKind = "individual", award = "chairman_certificate", achievements = "Cá nhân tiêu biểu về chuyển đổi số.",
        });

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task TheChairmansCertificateWaitsForTheMidtermAndFinalReviews(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await (await app.ClientAsync("soyte.baocao")).PostJsonAsync("/api/v1/nominations",
            new { movementCode = Movement, round = "annual", year = 2025, nomineeKind = "unit", unitCode = Health, award = "chairman_certificate", achievements = "Hoàn thành tốt nhiệm vụ năm 2025." });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("sơ kết, tổng kết", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task AUnitDoesNotNominateForAnotherUnit(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await (await app.ClientAsync("baichay.lanhdao")).PostJsonAsync("/api/v1/nominations", FinalNomination(Health));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AnUnknownRoundIsRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var response = await (await app.ClientAsync("soyte.baocao")).PostRawAsync("/api/v1/nominations",
            """{"movementCode":"CDS-2022-2025","round":"someday","nomineeKind":"unit","award":"chairman_certificate","achievements":"Thành tích nổi bật"}""");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task ANewNominationIsADraftMissingItsThreeDocuments(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);

        var created = await NominateAsync(await app.ClientAsync("soyte.baocao"), FinalNomination(Health));

        Assert.Equal("draft", (string?)created["status"]);
        Assert.Equal(["proposal", "minutes", "achievement_report"], created["missingDocuments"].Strings());
    }

    [Theory, Providers]
    public async Task OnlyTheProposingUnitsLeaderSubmits(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("soyte.baocao");
        var id = await DraftAsync(reporter, Health);
        await UploadDossierAsync(reporter, id);

        var response = await TrySubmitAsync(reporter, id);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AnIncompleteDossierIsNotSubmittedAndItsMissingDocumentsAreNamed(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var staff = await HealthStaffAsync(app);
        var id = await DraftAsync(staff.Reporter, Health);
        await (await UploadAsync(staff.Reporter, id, "proposal", Pdf("To trinh ban 1"), "to-trinh.pdf")).JsonAsync(HttpStatusCode.Created);

        var response = await TrySubmitAsync(staff.Leader, id);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["minutes", "achievement_report"], problem["errors"]!["documents"].Strings());
        Assert.Contains("Biên bản họp xét duyệt", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task ASubmittedNominationIsNoLongerEditedByItsUnit(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (staff, id) = await HealthSubmittedAsync(app);
        var version = (int)(await NominationAsync(app, id))["version"]!;

        var response = await staff.Reporter.PutJsonAsync($"/api/v1/nominations/{id}", new
        {
            movementCode = Movement, round = "final", nomineeKind = "unit", unitCode = Health, award = "chairman_certificate", achievements = "Sửa sau khi trình", version,
        });

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task ANominationIsSubmittedOnce(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (staff, id) = await HealthSubmittedAsync(app);

        var response = await TrySubmitAsync(staff.Leader, id);

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task OtherUnitsDoNotSeeANomination(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (_, id) = await HealthSubmittedAsync(app);

        var response = await (await app.ClientAsync("baichay.lanhdao")).GetAsync($"/api/v1/nominations/{id}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task OnlyTheBoardReceives(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (staff, id) = await HealthSubmittedAsync(app);

        var response = await TryReceiveAsync(staff.Leader, id);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task ANominationIsReceivedOnce(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (_, id) = await HealthSubmittedAsync(app);
        await ReceiveAsync(app, id);

        var response = await TryReceiveAsync(await app.ClientAsync(Board), id);

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task TheBoardDoesNotReceiveAUnitsOwnCertificate(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var id = await OwnCertificateAsync(app, "Lê Văn Cường");

        var response = await TryReceiveAsync(await app.ClientAsync(Board), id);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task TheBoardReturnsANominationOnlyWithAReason(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (_, id) = await HealthSubmittedAsync(app);

        var response = await ReturnAsync(app, id, "");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task TheBoardReturnsANominationToItsUnit(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (_, id) = await HealthSubmittedAsync(app);

        var returned = await (await ReturnAsync(app, id, ReturnReason)).JsonAsync();

        Assert.Equal("returned", (string?)returned["status"]);
    }

    [Theory, Providers]
    public async Task AReturnedDossierIsCorrectedAndSubmittedAgain(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var staff = await HealthStaffAsync(app);
        var id = await ReturnedAsync(app, staff);

        var status = await CorrectAndResubmitAsync(staff, id);

        Assert.Equal("submitted", status);
    }

    [Theory, Providers]
    public async Task EveryStepRecordsWhoTookItAndWhy(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var staff = await HealthStaffAsync(app);
        var id = await ReceivedAfterReturnAsync(app, staff);

        var steps = (await (await staff.Leader.GetAsync($"/api/v1/nominations/{id}")).JsonAsync())["steps"]!.AsArray();

        Assert.Equal(["draft", "submitted", "returned", "submitted", "received"], steps.Select(s => (string)s!["to"]!));
        var returnStep = steps[2]!;
        Assert.Equal(Board, (string?)returnStep["userName"]);
        Assert.Equal("submitted", (string?)returnStep["from"]);
        Assert.Equal(ReturnReason, (string?)returnStep["reason"]);
        Assert.Equal("soyte.lanhdao", (string?)steps[1]!["userName"]);
    }

    [Theory, Providers]
    public async Task EveryWriteToANominationIsAudited(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        // Five writes: created, submitted, returned, submitted again, received.
        var id = await ReceivedAfterReturnAsync(app, await HealthStaffAsync(app));

        var audit = await (await (await app.ClientAsync("admin")).GetAsync($"/api/v1/audit?entityType=Nomination&entityKey={id}")).JsonAsync();

        Assert.True((int)audit["total"]! >= 5);
    }
}
