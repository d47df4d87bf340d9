using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Core.Rewards;
using ThiDua.Web.Features.Rewards;
using ThiDua.Web.Infrastructure.Auth;

namespace ThiDua.IntegrationTests.Accounts;

/// <summary>
/// The resource rules every service and page asks through <see cref="IAuthorizationService"/> (ADR 010), as a
/// matrix of roles and units: who reads, acts for, leads a unit; who keeps and submits a dossier; who sees and votes
/// in a council session; who records a decision.
/// </summary>
public class AuthorisationHandlerTests
{
    private const int OwnUnit = 7;
    private const int OtherUnit = 8;

    private static readonly IAuthorizationService Authorization = new ServiceCollection()
        .AddLogging()
        .AddAuthorization()
        .AddSingleton<IAuthorizationHandler, UnitScopeHandler>()
        .AddSingleton<IAuthorizationHandler, NominationAccessHandler>()
        .AddSingleton<IAuthorizationHandler, CouncilSessionAccessHandler>()
        .AddSingleton<IAuthorizationHandler, IssueDecisionHandler>()
        .BuildServiceProvider()
        .GetRequiredService<IAuthorizationService>();

    private static ClaimsPrincipal User(string role, int? unit = null, string id = "u1")
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, role.ToLowerInvariant()), new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Role, role) };
        if (unit is int u)
        {
            claims.Add(new Claim(ThiDuaClaims.UnitId, u.ToString(CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static async Task<bool> Can(ClaimsPrincipal user, object resource, IAuthorizationRequirement requirement) =>
        (await Authorization.AuthorizeAsync(user, resource, requirement)).Succeeded;

    public static TheoryData<string, int?, bool, bool, bool, bool> UnitScopeMatrix => new()
    {
        // role, unit, read, act, staff, lead — on unit OwnUnit
        { Roles.UnitReporter, OwnUnit, true, true, true, false },
        { Roles.UnitLeader, OwnUnit, true, true, true, true },
        { Roles.UnitLeader, OtherUnit, false, false, false, false },
        { Roles.UnitReporter, OtherUnit, false, false, false, false },
        { Roles.Secretariat, null, true, true, false, false },
        { Roles.Admin, null, true, true, false, false },
        { Roles.RewardBoard, null, true, false, false, false },
        { Roles.CouncilMember, null, true, false, false, false },
        { Roles.Inspector, null, true, false, false, false },
        { Roles.Leader, null, true, false, false, false },
    };

    [Theory]
    [MemberData(nameof(UnitScopeMatrix))]
    public async Task AUnitsDataIsReadByProvinceWideRolesAndWrittenByItsOwnStaffTheSecretariatAndAdmin(string role, int? unit, bool read, bool act, bool staff, bool lead)
    {
        var user = User(role, unit);
        var resource = new UnitResource(OwnUnit);

        Assert.Equal(
            (read, act, staff, lead),
            (await Can(user, resource, UnitScope.Read), await Can(user, resource, UnitScope.Act), await Can(user, resource, UnitScope.Staff), await Can(user, resource, UnitScope.Lead)));
    }

    [Fact]
    public async Task ADossierIsReadByBothUnitsKeptByTheProposerAndTheBoardAndSubmittedByTheProposersLeaderOnly()
    {
        // A department proposes one of its communes.
        var dossier = new NominationScope(ProposingUnitId: OwnUnit, NomineeUnitId: OtherUnit);

        Assert.True(await Can(User(Roles.UnitReporter, OtherUnit), dossier, NominationAccess.Read));
        Assert.False(await Can(User(Roles.UnitReporter, OtherUnit), dossier, NominationAccess.Prepare));
        Assert.False(await Can(User(Roles.UnitReporter, 99), dossier, NominationAccess.Read));
        Assert.True(await Can(User(Roles.UnitReporter, OwnUnit), dossier, NominationAccess.Prepare));
        Assert.False(await Can(User(Roles.UnitReporter, OwnUnit), dossier, NominationAccess.Submit));
        Assert.True(await Can(User(Roles.UnitLeader, OwnUnit), dossier, NominationAccess.Submit));
        Assert.False(await Can(User(Roles.UnitLeader, OtherUnit), dossier, NominationAccess.Submit));
        Assert.True(await Can(User(Roles.RewardBoard), dossier, NominationAccess.Prepare));
        Assert.False(await Can(User(Roles.RewardBoard), dossier, NominationAccess.Submit));
        Assert.False(await Can(User(Roles.CouncilMember), dossier, NominationAccess.Prepare));
        Assert.True(await Can(User(Roles.Leader), dossier, NominationAccess.Read));
    }

    [Fact]
    public async Task ASessionIsSeenByTheBoardAndItsMembersAndVotedInByItsCouncilMembersOnly()
    {
        var session = new SessionMembership(["m1", "m2"]);

        Assert.True(await Can(User(Roles.CouncilMember, id: "m1"), session, CouncilSessionAccess.Vote));
        Assert.True(await Can(User(Roles.CouncilMember, id: "m2"), session, CouncilSessionAccess.See));
        Assert.False(await Can(User(Roles.CouncilMember, id: "m3"), session, CouncilSessionAccess.See));
        Assert.False(await Can(User(Roles.CouncilMember, id: "m3"), session, CouncilSessionAccess.Vote));
        Assert.True(await Can(User(Roles.RewardBoard, id: "b"), session, CouncilSessionAccess.See));
        Assert.False(await Can(User(Roles.RewardBoard, id: "b"), session, CouncilSessionAccess.Vote));
        // Named for the session but not (or no longer) a council member: sees it, cannot vote.
        Assert.False(await Can(User(Roles.Inspector, id: "m1"), session, CouncilSessionAccess.Vote));
    }

    [Fact]
    public async Task TheChairmansRegisterIsTheBoardsAndAUnitsOwnIsItsLeaders()
    {
        Assert.True(await Can(User(Roles.RewardBoard), DecisionIssuer.Province, IssueDecision.Requirement));
        Assert.True(await Can(User(Roles.Admin), DecisionIssuer.Province, IssueDecision.Requirement));
        Assert.False(await Can(User(Roles.UnitLeader, OwnUnit), DecisionIssuer.Province, IssueDecision.Requirement));
        Assert.True(await Can(User(Roles.UnitLeader, OwnUnit), new DecisionIssuer(OwnUnit), IssueDecision.Requirement));
        Assert.False(await Can(User(Roles.UnitLeader, OtherUnit), new DecisionIssuer(OwnUnit), IssueDecision.Requirement));
        Assert.False(await Can(User(Roles.UnitReporter, OwnUnit), new DecisionIssuer(OwnUnit), IssueDecision.Requirement));
        Assert.False(await Can(User(Roles.RewardBoard), new DecisionIssuer(OwnUnit), IssueDecision.Requirement));
    }
}
