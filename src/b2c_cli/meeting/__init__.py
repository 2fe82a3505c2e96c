"""Evaluation meetings: the agenda for the next one (`b2c meeting agenda`); recording one is
`workbook.fill.add_meeting` (`b2c meeting add`)."""
