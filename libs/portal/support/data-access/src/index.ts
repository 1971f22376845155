// The Support section's tickets, as a signal store over the generated client.
export {
  type NewSupportTicket,
  type SupportTicketsState,
  SupportTicketsStore,
  type TicketCreation,
} from './lib/support-tickets.store';
