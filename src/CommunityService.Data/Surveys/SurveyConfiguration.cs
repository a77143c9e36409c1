using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Surveys;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(Survey.TitleMaxLength).IsRequired();
        builder.Property(s => s.Purpose).HasMaxLength(Survey.PurposeMaxLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.CreatedById).HasMaxLength(450);
        builder.HasMany(s => s.Communities).WithMany().UsingEntity("SurveyCommunities");
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId);
        builder.HasOne<Survey>().WithMany().HasForeignKey(s => s.PreviousVersionId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(s => s.Project).WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.Status, s.CreatedAt });
        builder.HasIndex(s => new { s.ProjectId, s.Kind });
        builder.Ignore(s => s.Ordered);
        builder.Ignore(s => s.IsAcceptingAnswers);
        builder.Ignore(s => s.IsSatisfaction);
    }
}
