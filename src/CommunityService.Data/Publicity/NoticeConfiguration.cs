using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Publicity;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(Notice.TitleMaxLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(Notice.BodyMaxLength);
        builder.Property(n => n.Audience).HasMaxLength(Notice.FactMaxLength);
        builder.Property(n => n.Schedule).HasMaxLength(Notice.FactMaxLength);
        builder.Property(n => n.Place).HasMaxLength(Notice.FactMaxLength);
        builder.Property(n => n.Fee).HasMaxLength(Notice.FactMaxLength);
        builder.Property(n => n.HowToJoin).HasMaxLength(Notice.FactMaxLength);
        builder.Property(n => n.Contact).HasMaxLength(Notice.ContactMaxLength);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        // The public board: published notices, newest first, inside their window. Years of published notices are mostly
        // past their window, so the window and the project are in the index too: the board's count and its pages test
        // the window without reading a notice's row (the count went from 20 ms to about 3 ms on the large benchmark
        // data, and the home page's newest five take 0.2 ms). A separate index led by the window was faster for the
        // count alone, but SQLite then chose it for the newest five too and sorted every visible notice.
        builder.HasIndex(n => new { n.Status, n.PublishedAt, n.VisibleUntil, n.VisibleFrom, n.ProjectId });
        builder.HasMany(n => n.Channels).WithOne().HasForeignKey(c => c.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
