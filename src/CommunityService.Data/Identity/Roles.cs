namespace CommunityService.Data.Identity;

public static class Roles
{
    public const string Resident = nameof(Resident);
    public const string Volunteer = nameof(Volunteer);
    public const string Staff = nameof(Staff);
    public const string Manager = nameof(Manager);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Resident, Volunteer, Staff, Manager, Admin];
}
