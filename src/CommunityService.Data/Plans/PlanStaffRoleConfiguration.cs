using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Plans;

internal sealed class PlanStaffRoleConfiguration : IEntityTypeConfiguration<PlanStaffRole>
{
    public void Configure(EntityTypeBuilder<PlanStaffRole> builder) =>
        builder.Property(r => r.Role).HasMaxLength(PlanStaffRole.RoleMaxLength).IsRequired();
}
