using System.Security.Claims;

namespace ThiDua.Web.Infrastructure.Auth;

/// <summary>
/// The person behind the current request, for services and pages alike: who they are, their unit, their roles, and
/// the resource authorisation handlers (<see cref="UnitScope"/> and the areas' own) asked through
/// <see cref="IAuthorizationService"/>. Outside a request (seeding, background work) it is nobody: no name, no roles.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, IAuthorizationService authorization)
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? Nobody;

    /// <summary>The user name written into steps, uploads and the audit log; null outside a signed-in request.</summary>
    public string? UserName => Principal.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;

    /// <summary>The Identity user id (council members are stored by it).</summary>
    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public int? UnitId => Principal.UnitId();

    public string? UnitCode => Principal.UnitCode();

    public bool IsIn(string role) => Principal.IsInRole(role);

    /// <summary>A province-wide role: reads every unit's data.</summary>
    public bool ReadsEveryUnit => Roles.ReadEveryUnit.Any(IsIn);

    /// <summary>The Secretariat or Admin: acts for any unit.</summary>
    public bool ActsForEveryUnit => Roles.ActForEveryUnit.Any(IsIn);

    /// <summary>The Reward Board or Admin: handles every reward dossier.</summary>
    public bool HandlesRewards => Roles.RewardHandlers.Any(IsIn);

    /// <summary>Keeps dossiers for units: reads drafts and people's birth dates (<see cref="Roles.KeepDossiers"/>).</summary>
    public bool KeepsDossiers => Roles.KeepDossiers.Any(IsIn);

    /// <summary>A unit reporter or leader (bound to <see cref="UnitId"/>).</summary>
    public bool IsUnitStaff => Roles.UnitScoped.Any(IsIn);

    /// <summary>The unit whose own records this user sees in lists: none for province-wide roles (they see all), else their unit (-1 when they have none).</summary>
    public int? ListScope => ReadsEveryUnit ? null : UnitId ?? -1;

    public async Task<bool> CanAsync(object resource, IAuthorizationRequirement requirement) =>
        (await authorization.AuthorizeAsync(Principal, resource, requirement)).Succeeded;

    public Task<bool> CanAsync(int unitId, UnitScope scope) => CanAsync(new UnitResource(unitId), scope);

    public async Task<bool> HasPolicyAsync(string policy) => (await authorization.AuthorizeAsync(Principal, policy)).Succeeded;

    /// <summary>403 with <paramref name="message"/> unless the requirement holds.</summary>
    public async Task EnsureAsync(object resource, IAuthorizationRequirement requirement, string message)
    {
        if (!await CanAsync(resource, requirement))
        {
            throw new ForbiddenException(message);
        }
    }

    public Task EnsureAsync(int unitId, UnitScope scope, string message = OwnUnitOnly) =>
        EnsureAsync(new UnitResource(unitId), scope, message);

    /// <summary>404 with <paramref name="notFound"/> unless the requirement holds: a record the user may not see answers as a missing one.</summary>
    public async Task EnsureVisibleAsync(object resource, IAuthorizationRequirement requirement, string notFound)
    {
        if (!await CanAsync(resource, requirement))
        {
            throw new NotFoundException(notFound);
        }
    }

    public Task EnsureVisibleAsync(int unitId, string notFound) => EnsureVisibleAsync(new UnitResource(unitId), UnitScope.Read, notFound);

    /// <summary>
    /// A write on an existing record: 404 (<paramref name="notFound"/>, the missing record's own answer) unless the user
    /// may see it, then 403 unless <paramref name="scope"/> holds. Another unit's record thus answers exactly as a
    /// missing one, for writes as for reads; only its own people learn that they may not do this step.
    /// </summary>
    public async Task EnsureOnRecordAsync(int unitId, UnitScope scope, string notFound, string forbidden = OwnUnitOnly)
    {
        await EnsureVisibleAsync(unitId, notFound);
        await EnsureAsync(unitId, scope, forbidden);
    }

    public const string OwnUnitOnly = "Bạn chỉ được thao tác trên dữ liệu của đơn vị mình.";
}
