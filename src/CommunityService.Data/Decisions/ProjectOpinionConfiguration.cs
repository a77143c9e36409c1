using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Decisions;

internal sealed class ProjectOpinionConfiguration : IEntityTypeConfiguration<ProjectOpinion>
{
    public void Configure(EntityTypeBuilder<ProjectOpinion> builder)
    {
        builder.Property(o => o.Stance).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Comment).HasMaxLength(ProjectOpinion.CommentMaxLength);
        builder.Property(o => o.SpeakerName).HasMaxLength(ProjectOpinion.NameMaxLength);
        builder.Property(o => o.MeetingName).HasMaxLength(ProjectOpinion.NameMaxLength);
        builder.Property(o => o.GivenById).HasMaxLength(450);
        builder.Property(o => o.RecordedById).HasMaxLength(450);
        // One online opinion per representative and proposal (meeting opinions have no account and may repeat).
        builder.HasIndex(o => new { o.ProjectId, o.GivenById }).IsUnique();
    }
}
