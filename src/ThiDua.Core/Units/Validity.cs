namespace ThiDua.Core.Units;

/// <summary>The days on which a unit exists: from <see cref="From"/> to <see cref="To"/> inclusive; an open end means "still valid" (R2).</summary>
public readonly record struct Validity(DateOnly From, DateOnly? To)
{
    public bool Contains(DateOnly day) => From <= day && (To is null || day <= To.Value);

    public bool IsValid => To is null || From <= To.Value;

    public bool Overlaps(DateOnly from, DateOnly? to) =>
        (To is null || from <= To.Value) && (to is null || From <= to.Value);
}
