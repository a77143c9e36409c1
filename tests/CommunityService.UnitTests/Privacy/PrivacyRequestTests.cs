using CommunityService.Data.Privacy;

namespace CommunityService.UnitTests.Privacy;

public class PrivacyRequestTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 8, 0, 0, DateTimeKind.Utc);

    private static PrivacyRequest Asked(PrivacyRequestKind kind = PrivacyRequestKind.Correction)
    {
        Assert.True(PrivacyRequest.Ask("r1", 1, kind, "电话错了", "138 0013 8000", [], Now, out var request).IsPassed);
        return request!;
    }

    [Fact]
    public void A_new_request_is_open_and_keeps_what_the_resident_wrote()
    {
        var request = Asked();

        Assert.Equal((PrivacyRequestStatus.Open, "电话错了", "138 0013 8000", 1), (request.Status, request.Details, request.ShouldBe, request.CommunityId));
    }

    [Fact]
    public void A_resident_cannot_have_two_open_requests_of_one_kind_but_may_have_one_of_each()
    {
        var second = PrivacyRequest.Ask("r1", 1, PrivacyRequestKind.Correction, "地址", "新地址", [PrivacyRequestKind.Correction], Now, out var none);
        var other = PrivacyRequest.Ask("r1", 1, PrivacyRequestKind.Deletion, "", "", [PrivacyRequestKind.Correction], Now, out var deletion);

        Assert.Equal([PrivacyRequest.AlreadyOpen], second.Missing);
        Assert.Null(none);
        Assert.True(other.IsPassed);
        Assert.Equal("", deletion!.ShouldBe);
    }

    [Fact]
    public void A_correction_must_say_what_is_wrong()
    {
        Assert.Equal([PrivacyRequest.NeedsWhatIsWrong], PrivacyRequest.Ask("r1", 1, PrivacyRequestKind.Correction, " ", "x", [], Now, out _).Missing);
    }

    [Fact]
    public void Completing_a_correction_needs_the_change_and_keeps_it_as_the_answer()
    {
        var request = Asked();

        Assert.Equal([PrivacyRequest.NeedsAnswer], request.Complete("  ", "staff", Now).Missing);
        Assert.True(request.Complete(" 电话已改正 ", "staff", Now).IsPassed);
        Assert.Equal((PrivacyRequestStatus.Completed, "电话已改正", "staff", (DateTime?)Now), (request.Status, request.Answer, request.HandledById, request.ClosedAt));
    }

    [Fact]
    public void Completing_a_deletion_needs_no_words_and_keeps_none()
    {
        var request = Asked(PrivacyRequestKind.Deletion);

        Assert.True(request.Complete("她的新地址是……", "staff", Now).IsPassed);
        Assert.Equal("", request.Answer);
    }

    [Fact]
    public void A_rejection_needs_a_reason()
    {
        var request = Asked();

        Assert.Equal([PrivacyRequest.NeedsReason], request.Reject("", "staff", Now).Missing);
        Assert.True(request.Reject("核对无误", "staff", Now).IsPassed);
        Assert.Equal((PrivacyRequestStatus.Rejected, "核对无误"), (request.Status, request.Answer));
    }

    [Fact]
    public void A_closed_request_can_be_neither_answered_again_nor_withdrawn()
    {
        var request = Asked();
        Assert.True(request.Withdraw(Now).IsPassed);

        Assert.Equal([PrivacyRequest.NotOpen], request.Complete("x", "staff", Now).Missing);
        Assert.Equal([PrivacyRequest.NotOpen], request.Reject("x", "staff", Now).Missing);
        Assert.Equal([PrivacyRequest.NotOpen], request.Withdraw(Now).Missing);
        Assert.Equal(PrivacyRequestStatus.Withdrawn, request.Status);
    }

    [Fact]
    public void Forgetting_the_text_keeps_kind_status_and_times()
    {
        var request = Asked();
        request.Complete("电话已改正", "staff", Now);

        request.ForgetText();

        Assert.Equal(("", "", ""), (request.Details, request.ShouldBe, request.Answer));
        Assert.Equal((PrivacyRequestKind.Correction, PrivacyRequestStatus.Completed, (DateTime?)Now), (request.Kind, request.Status, request.ClosedAt));
    }
}
