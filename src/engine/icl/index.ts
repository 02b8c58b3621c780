// Attention as gradient descent (lesson 15): in-context linear regression, the
// two prediction paths, the Monte-Carlo risk and the streaming view.
export * from './icl';
export * from './risk';
export * from './streaming';
