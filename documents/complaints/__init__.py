"""Consumer complaints (消费者投诉): filed exactly once from a phone, triaged, answered, followed to their end."""
