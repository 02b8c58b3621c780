// Lesson 13 lab: the live attention-transfer fit (components/attention-transfer).
import { AttentionTransferLab } from './AttentionTransferLab';

export default function LineariseLab() {
  return <AttentionTransferLab />;
}
