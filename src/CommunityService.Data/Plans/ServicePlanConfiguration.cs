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
        builder.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.PlanId);
    }
}
