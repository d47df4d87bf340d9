using Microsoft.AspNetCore.Identity;
using ThiDua.Data.Units;

namespace ThiDua.Data.Accounts;

/// <summary>A person who signs in. <see cref="UnitId"/> binds the unit-scoped roles (UnitReporter, UnitLeader) to one unit.</summary>
public class ApplicationUser : IdentityUser
{
    public required string FullName { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateTime CreatedAt { get; set; }
}
