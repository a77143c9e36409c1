using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Plans;

internal sealed class ServicePlanConfiguration : IEntityTypeConfiguration<ServicePlan>
{
    public void Configure(EntityTypeBuilder<ServicePlan> builder)
    {
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Purpose).HasMaxLength(ServicePlan.PurposeMaxLength);
        builder.Property(p => p.SessionPattern).HasMaxLength(ServicePlan.TextMaxLength);
        builder.Property(p => p.Place).HasMaxLength(ServicePlan.TextMaxLength);
        builder.Property(p => p.FeeTier).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.FeeAmount).HasPrecision(10, 2);
        builder.Property(p => p.DeliveryMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ReviewedById).HasMaxLength(450);
        builder.Property(p => p.ReviewComment).HasMaxLength(ServicePlan.CommentMaxLength);
        builder.HasIndex(p => new { p.ProjectId, p.VersionNumber }).IsUnique();
        builder.Property(p => p.FeeJustification).HasMaxLength(ServicePlan.TextMaxLength);
        builder.Property(p => p.Materials).HasMaxLength(ServicePlan.TextMaxLength);
        builder.Property(p => p.MethodsDescription).HasMaxLength(ServicePlan.PurposeMaxLength);
        builder.Ignore(p => p.Budget);
        builder.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.PlanId);
        builder.HasMany(p => p.Tasks).WithOne().HasForeignKey(t => t.PlanId);
        builder.HasMany(p => p.Beneficiaries).WithOne().HasForeignKey(b => b.PlanId);
        builder.HasMany(p => p.BudgetLines).WithOne().HasForeignKey(b => b.PlanId);
        builder.HasMany(p => p.Venues).WithOne().HasForeignKey(v => v.PlanId);
        builder.HasMany(p => p.StaffRoles).WithOne().HasForeignKey(r => r.PlanId);
    }
}
