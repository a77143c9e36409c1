using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Plans;

internal sealed class PlanObjectiveConfiguration : IEntityTypeConfiguration<PlanObjective>
{
    public void Configure(EntityTypeBuilder<PlanObjective> builder)
    {
        builder.Property(o => o.Indicator).HasMaxLength(PlanObjective.IndicatorMaxLength).IsRequired();
        builder.Property(o => o.TargetValue).HasPrecision(12, 2);
        builder.Property(o => o.Unit).HasMaxLength(PlanObjective.UnitMaxLength);
        builder.Property(o => o.MeasuredBy).HasConversion<string>().HasMaxLength(30);
    }
}
