using CommunityService.Data.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Evaluations;

internal sealed class EvaluationObjectiveConfiguration : IEntityTypeConfiguration<EvaluationObjective>
{
    public void Configure(EntityTypeBuilder<EvaluationObjective> builder)
    {
        builder.Property(o => o.Indicator).HasMaxLength(PlanObjective.IndicatorMaxLength).IsRequired();
        builder.Property(o => o.Unit).HasMaxLength(PlanObjective.UnitMaxLength);
        builder.Property(o => o.MeasuredBy).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Target).HasPrecision(12, 2);
        builder.Property(o => o.Actual).HasPrecision(12, 2);
        builder.Property(o => o.Comment).HasMaxLength(EvaluationObjective.CommentMaxLength);
    }
}
