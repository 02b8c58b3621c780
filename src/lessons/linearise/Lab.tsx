// Lesson 13 lab: the live attention-transfer fit (components/attention-transfer).
import { AttentionTransferLab } from '../../components/attention-transfer/AttentionTransferLab';

export default function LineariseLab() {
  return <AttentionTransferLab />;
}
