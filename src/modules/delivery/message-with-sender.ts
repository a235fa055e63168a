// The join moved to src/db so the evidence module can share it; this name stays for the delivery
// files that import it here.
export { messageWithSender } from '../../db/message-with-sender.js';
