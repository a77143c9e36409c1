using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Execution;

internal sealed class PlanAdjustmentConfiguration : IEntityTypeConfiguration<PlanAdjustment>
{
    public void Configure(EntityTypeBuilder<PlanAdjustment> builder)
    {
        builder.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.WhatChanged).HasMaxLength(PlanAdjustment.TextMaxLength).IsRequired();
        builder.Property(a => a.Why).HasMaxLength(PlanAdjustment.TextMaxLength);
        builder.Property(a => a.ReviewComment).HasMaxLength(PlanAdjustment.TextMaxLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CreatedById).HasMaxLength(450);
        builder.Property(a => a.ReviewedById).HasMaxLength(450);
        builder.HasOne(a => a.ResultingPlan).WithMany().HasForeignKey(a => a.ResultingPlanId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(a => new { a.Status, a.CreatedAt });
    }
}
